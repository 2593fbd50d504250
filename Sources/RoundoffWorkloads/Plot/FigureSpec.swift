/// Everything needed to write one figure's data file and gnuplot script,
/// independent of gnuplot syntax: ``FigurePlanner`` decides what to draw,
/// ``DataFile`` and ``GnuplotScript`` only spell it out.
struct FigureSpec {
    /// The file stem: `plots/NAME.gp`, `.dat`, `.png`, `.svg`.
    var name: String
    /// The first title line.
    var title: String
    /// A second, smaller title line (the study's parameters), if any.
    var subtitle: String?
    var xLabel: String
    var yLabel: String
    var xAxis: XAxis
    var logY: Bool
    /// A fixed y range (from a hint); nil autoscales.
    var yRange: (low: Double, high: Double)? = nil
    /// In drawing order: references first, so measured curves lie on top.
    var curves: [Curve]
    /// Legend entries that explain a line style rather than one curve
    /// (e.g. "dotted: u = 2^-p"), drawn in black.
    var styleKey: [StyleKeyEntry] = []
    /// Legend lines without a sample, for curves that could not be drawn
    /// (e.g. "fp64 rne: all 0, not on the log axis"), so that a reader does
    /// not take a missing curve for a missing run.
    var keyNotes: [String] = []
    /// Comment lines saying what the figure shows, for the top of the script.
    var description: [String]
    /// Comment lines saying what was left out of the data and why.
    var notes: [String] = []

    /// How the horizontal axis is laid out.
    enum XAxis: Equatable {
        /// One tick per label at positions 0, 1, 2, … (formats in CSV order).
        case categorical([String])
        /// A numeric axis, logarithmic or linear.
        case numeric(log: Bool)
    }

    /// One plotted line: a block in the data file.
    struct Curve {
        /// The legend text; nil keeps the curve out of the legend.
        var title: String?
        /// Names the block in the data file when there is no title (a
        /// reference line: "fp16: u").
        var dataName: String? = nil
        /// Column names for the data file's header, e.g. `x mean min max seeds`.
        var columns: [String]
        /// One row per point; columns 1 and 2 are always the x and y drawn,
        /// 3 and 4 the error-bar ends when ``Style/measured(color:point:errorBars:)``
        /// asks for bars.
        var rows: [[Double]]
        /// A trailing text column (the format of each point in a by-format figure).
        var labels: [String]? = nil
        var style: Style

        /// How a curve is drawn.
        enum Style: Equatable {
            /// Data: solid line with markers, optionally min–max error bars.
            case measured(color: Int, point: Int, errorBars: Bool)
            /// A theoretical bound: thin dashed line without markers.
            case reference(color: Int, dash: Int)

            /// Whether the curve is drawn with min–max error bars.
            var hasErrorBars: Bool {
                if case .measured(_, _, true) = self { return true }
                return false
            }
        }
    }

    /// A legend entry for a line style (see ``styleKey``).
    struct StyleKeyEntry: Equatable {
        var title: String
        var dash: Int
    }
}
