import RoundoffWorkloads

/// What a notebook block generates, read from its specification.
enum NotebookBlockSpec {
    /// Roundoff's numbers beside published ones: Quantity | Published | Roundoff | Source.
    case table(rows: [TableRow])
    /// One row per (format, mode) cell of a workload, one column per metric.
    case grid(Grid)
    /// A figure of the sweep's plots, copied next to the notebook.
    case figure(name: String, caption: String)
    /// The commands that reproduce the notebook and the sweep's size.
    case run

    /// The kinds a block may have, for messages.
    static let kinds = "table, grid, figure, run"

    /// A row of a `table` block.
    struct TableRow {
        var quantity: String
        var published: String
        var source: String
        /// One or more values, printed joined by " / ".
        var values: [Value]
    }

    /// A value of the results and how to print it.
    struct Value {
        var selector: ResultsQuery.Selector
        var seeds: SeedCombination
        var style: NumberStyle
    }

    /// A `grid` block.
    struct Grid {
        var workload: String
        var metrics: [String]
        var headers: [String]
        /// Filters and orders the rows; nil keeps the results' order.
        var formats: [String]?
        var modes: [String]?
        var x: ResultsQuery.Abscissa?
        var seeds: SeedCombination
        var style: NumberStyle
    }

    /// Reads `block`'s specification; `source` names the notebook in messages.
    init(_ block: NotebookDocument.Block, source: String) throws(NotebookError) {
        let node = try SpecificationNode.parse(
            block.specification, source: source, firstLine: block.specificationLine, kind: block.kind)
        switch block.kind {
        case "run":
            if let node, node.node.mapping.map({ !$0.isEmpty }) ?? true {
                throw node.error("roundoff:run takes no specification")
            }
            self = .run
        case "figure":
            guard let node else { throw NotebookError("\(source):\(block.line): roundoff:figure needs name: (and caption:)") }
            let keys = try node.mapping("roundoff:figure", required: ["name"], optional: ["caption"])
            let name = try keys["name"]!.string("name")
            self = .figure(name: name, caption: try keys["caption"]?.string("caption") ?? name)
        case "table":
            guard let node else { throw NotebookError("\(source):\(block.line): roundoff:table needs rows:") }
            let keys = try node.mapping("roundoff:table", required: ["rows"])
            var rows: [TableRow] = []
            for rowNode in keys["rows"]!.list() {
                let row = try rowNode.mapping("a table row", required: ["quantity", "published", "source", "value"])
                var values: [Value] = []
                for valueNode in row["value"]!.list() { values.append(try Self.value(valueNode)) }
                rows.append(TableRow(
                    quantity: try row["quantity"]!.string("quantity"), published: try row["published"]!.string("published"),
                    source: try row["source"]!.string("source"), values: values))
            }
            self = .table(rows: rows)
        case "grid":
            guard let node else { throw NotebookError("\(source):\(block.line): roundoff:grid needs workload: and metrics:") }
            let keys = try node.mapping(
                "roundoff:grid", required: ["workload", "metrics"],
                optional: ["headers", "formats", "modes", "x", "seeds", "digits", "style"])
            let metrics = try keys["metrics"]!.strings("metrics")
            let headers = try keys["headers"]?.strings("headers") ?? metrics
            guard headers.count == metrics.count else {
                throw keys["headers"]!.error("headers has \(headers.count) entries for \(metrics.count) metrics")
            }
            let (seeds, style) = try Self.printing(keys)
            self = .grid(Grid(
                workload: try keys["workload"]!.string("workload"), metrics: metrics, headers: headers,
                formats: try keys["formats"]?.strings("formats"), modes: try keys["modes"]?.strings("modes"),
                x: try keys["x"].map(Self.abscissa), seeds: seeds, style: style))
        default:
            throw NotebookError("\(source):\(block.line): unknown block kind 'roundoff:\(block.kind)'; accepted: \(Self.kinds)")
        }
    }

    private static func value(_ node: SpecificationNode) throws(NotebookError) -> Value {
        let keys = try node.mapping(
            "a value", required: ["workload", "format", "mode", "metric"], optional: ["x", "seeds", "digits", "style"])
        let (seeds, style) = try printing(keys)
        return Value(
            selector: ResultsQuery.Selector(
                workload: try keys["workload"]!.string("workload"), format: try keys["format"]!.string("format"),
                mode: try keys["mode"]!.string("mode"), metric: try keys["metric"]!.string("metric"),
                x: try keys["x"].map(abscissa)),
            seeds: seeds, style: style)
    }

    private static func abscissa(_ node: SpecificationNode) throws(NotebookError) -> ResultsQuery.Abscissa {
        let text = try node.string("x")
        guard let x = ResultsQuery.Abscissa(spec: text) else {
            throw node.error("invalid x '\(text)'; accepted: first, last or a number")
        }
        return x
    }

    /// `seeds`, `digits` and `style` of a value or grid.
    private static func printing(_ keys: [String: SpecificationNode]) throws(NotebookError) -> (SeedCombination, NumberStyle) {
        var seeds = SeedCombination.mean
        if let node = keys["seeds"] {
            let text = try node.string("seeds")
            guard let parsed = SeedCombination(rawValue: text) else {
                throw node.error("invalid seeds '\(text)'; accepted: \(SeedCombination.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            seeds = parsed
        }
        var layout = NumberStyle.Layout.auto
        if let node = keys["style"] {
            let text = try node.string("style")
            guard let parsed = NumberStyle.Layout(rawValue: text) else {
                throw node.error("invalid style '\(text)'; accepted: \(NumberStyle.Layout.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            layout = parsed
        }
        var digits = 2
        if let node = keys["digits"] {
            digits = try node.int("digits")
            guard (1...17).contains(digits) else { throw node.error("invalid digits \(digits); accepted: 1 to 17") }
        }
        return (seeds, NumberStyle(layout: layout, digits: digits))
    }
}
