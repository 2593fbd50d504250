/// Small per-workload touches for the figures: readable titles and axis
/// labels, units, axis scales the data alone cannot choose, and reference
/// lines.
///
/// Every field is optional: a workload without hints (any new workload)
/// still gets every figure, labelled with its metric names. Hints only
/// make the known ones read better, so they never decide *which* figures
/// exist — except ``referenceOnly``, for metrics that are themselves
/// reference lines of another metric.
struct PlotHints {
    /// The study's name for titles, e.g. "Harmonic sum".
    var title: String?
    /// The label of series metrics' abscissa, e.g. "n (terms summed)".
    var xLabel: String?
    /// A short name for the abscissa in titles ("error vs n").
    var xName: String?
    var metrics: [String: MetricHint] = [:]
    /// Series metrics drawn as reference lines in another figure, not on their own.
    var referenceOnly: Set<String> = []

    /// Labels and scales for one metric.
    struct MetricHint {
        /// Axis label, e.g. "relative error |s − s₆₄| / |s₆₄|".
        var label: String
        /// Unit for the axis label, e.g. "model time units"; nil when dimensionless.
        var unit: String?
        /// Forces a logarithmic (true) or linear (false) y axis; nil lets the data decide.
        var logY: Bool?
        /// Forces the x axis of a series metric; nil lets the data decide.
        var logX: Bool?
        /// A fixed y range, for values whose natural range is known (a 0/1
        /// flag would otherwise sit on the plot's borders).
        var yRange: (low: Double, high: Double)?
        /// Reference lines to add to this metric's series figure.
        var references: References?
        /// The abscissa's label for this metric, when it differs from the study's.
        var xLabel: String?
        /// The abscissa's short name in this metric's title, when it differs from the study's.
        var xName: String?

        init(_ label: String, unit: String? = nil, logY: Bool? = nil, logX: Bool? = nil,
             yRange: (low: Double, high: Double)? = nil, references: References? = nil, xLabel: String? = nil,
             xName: String? = nil) {
            self.label = label
            self.unit = unit
            self.logY = logY
            self.logX = logX
            self.yRange = yRange
            self.references = references
            self.xLabel = xLabel
            self.xName = xName
        }
    }

    /// The hints shared by the classifier-training workloads.
    static func classifier(_ title: String) -> PlotHints {
        PlotHints(
            title: title, xLabel: "epoch", xName: "epoch",
            metrics: [
                "train_loss": MetricHint("training cross-entropy (epoch mean)", logY: true, logX: false),
                "test_accuracy": MetricHint("test accuracy", logY: false, logX: false),
                "final_test_accuracy": MetricHint("test accuracy at the end", logY: false),
                "accuracy_gap": MetricHint("binary64's final test accuracy − this run's", logY: false),
                "lost_updates": MetricHint("share of nonzero steps that left the weights unchanged", logY: false),
                "gradient_underflow": MetricHint("share of nonzero weight gradients rounded to 0", logY: false),
                "error_underflow": MetricHint("share of nonzero loss gradients rounded to 0", logY: false),
                "skipped_steps": MetricHint("steps skipped (non-finite gradients)", logY: false),
                "final_loss_scale": MetricHint("loss scale at the end"),
                "diverged": MetricHint("diverged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ])
    }

    /// The hint of `metric`: its own, else that of the longest hinted name
    /// it extends by `_SUFFIX` (variants such as `eta_error_compensated`).
    func hint(for metric: String) -> MetricHint? {
        if let h = metrics[metric] { return h }
        let base = metrics.keys.filter { metric.hasPrefix($0 + "_") }.max { $0.count < $1.count }
        return base.flatMap { metrics[$0] }
    }

    /// Reference lines for an error that rounding theory bounds.
    enum References {
        /// u and √x·u for each format, u from the workload's scalar metric
        /// `unit_roundoff` when it has one, else 2^−p from the format spec.
        case unitRoundoff
        /// Other series metrics of the same workload, each drawn per format
        /// with its legend title (e.g. `n_u` as "n·u"); falls back to
        /// ``unitRoundoff`` when none of them is in the results.
        case metrics([(metric: String, title: String)])
    }

    /// The hints for `workload`, or none.
    static func forWorkload(_ workload: String) -> PlotHints {
        known[workload] ?? PlotHints()
    }

    /// The workloads whose metrics we know.
    static let known: [String: PlotHints] = [
        "harmonic": PlotHints(
            title: "Harmonic sum Σ 1/k", xLabel: "n (terms summed)", xName: "n",
            metrics: [
                "final_sum": MetricHint("final partial sum"),
                "stagnation_n": MetricHint("n at which the sum stops growing", unit: "terms"),
                "rel_error": MetricHint("relative error vs binary64", references: .unitRoundoff),
                "unit_roundoff": MetricHint("unit roundoff u = 2^-p"),
            ]),
        "euler-decay": PlotHints(
            title: "Explicit Euler on exponential decay", xLabel: "n (steps)", xName: "n",
            metrics: [
                "error": MetricHint("error vs exact solution"),
                "error_vs_binary64": MetricHint("difference from the binary64 run"),
                "stagnated": MetricHint("stagnated (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ]),
        "unit-circle": PlotHints(
            title: "Rotation on the unit circle", xLabel: "N (steps)", xName: "N",
            metrics: [
                "radius_error": MetricHint("radius error"),
                "position_error": MetricHint("position error"),
            ]),
        "matvec": PlotHints(
            title: "Matrix-vector product", xLabel: "n (dimension)", xName: "n",
            metrics: [
                "backward_error": MetricHint(
                    "normwise backward error",
                    references: .metrics([(metric: "n_u", title: "n·u"), (metric: "sqrt_n_u", title: "√n·u")])),
            ],
            referenceOnly: ["n_u", "sqrt_n_u"]),
        "lorenz63": PlotHints(
            title: "Lorenz-63 trajectory", xLabel: "time t (model time units)", xName: "time",
            metrics: [
                // The distance grows exponentially until it saturates at the
                // attractor's size: log y, linear time shows that as a line.
                "distance": MetricHint("distance from the binary64 trajectory", logY: true, logX: false),
                "departure_time": MetricHint("departure time", unit: "model time units"),
                "wasserstein_x": MetricHint("Wasserstein distance of x vs binary64"),
                "wasserstein_noise_floor": MetricHint("Wasserstein noise floor"),
                "wasserstein_ratio": MetricHint("Wasserstein distance / noise floor"),
            ]),
        "heat-diffusion": PlotHints(
            title: "Heat diffusion in a soil column", xLabel: "depth (m)", xName: "depth",
            metrics: [
                "temperature": MetricHint("temperature at the end", unit: "K", logY: false, logX: false),
                "profile_rmse": MetricHint("RMSE of the final profile vs binary64", unit: "K"),
                "max_error": MetricHint("largest error of the final profile vs binary64", unit: "K"),
                "bottom_warming": MetricHint("warming at the bottom", unit: "K", logY: false),
                "reference_bottom_warming": MetricHint("binary64 warming at the bottom", unit: "K", logY: false),
                "heat_reached_bottom": MetricHint("heat reached the bottom (1 = yes)", logY: false, yRange: (-0.05, 1.05)),
                "stagnated": MetricHint("stagnated (1 = yes)", logY: false, yRange: (-0.05, 1.05)),
            ]),
        "ir": PlotHints(
            title: "LU iterative refinement", xLabel: "κ₂(A)", xName: "κ",
            metrics: [
                "converged": MetricHint("converged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
                "iterations": MetricHint("corrections applied", logY: false),
                "forward_error": MetricHint("forward error ‖x − x₆₄‖∞/‖x₆₄‖∞ vs LAPACKE dgesv"),
                "initial_forward_error": MetricHint("forward error of x₀ (plain low-precision LU solve)"),
                "backward_error": MetricHint("backward error ‖b − Ax‖∞/(‖A‖∞‖x‖∞)"),
                "backward_error_lapack": MetricHint("backward error of LAPACKE dgesv's solution"),
                "history_forward_error": MetricHint(
                    "forward error of x_i vs LAPACKE dgesv", logX: false, xLabel: "refinement step i", xName: "step"),
                "history_backward_error": MetricHint(
                    "backward error of x_i", logX: false, xLabel: "refinement step i", xName: "step"),
            ]),
        "givens": PlotHints(title: "Givens rotations (naive, LAPACK 3.10, Pereira–Lotfi–Langou 2022)"),
        "givens-qr": PlotHints(
            title: "QR by Givens rotations", xLabel: "n (order of A)", xName: "n",
            metrics: [
                "backward_error": MetricHint("backward error ‖A − QR‖_F/‖A‖_F"),
                "orthogonality": MetricHint("loss of orthogonality ‖QᵀQ − I‖_F"),
                "r_difference": MetricHint("‖R − R_LAPACK‖_F/‖R‖_F (diagonals ≥ 0)"),
                "backward_error_lapack": MetricHint("backward error of LAPACKE dgeqrf (binary64)"),
                "orthogonality_lapack": MetricHint("‖QᵀQ − I‖_F of LAPACKE dgeqrf/dorgqr (binary64)"),
            ]),
        "shallow-water": PlotHints(
            title: "Shallow-water forecast", xLabel: "forecast day", xName: "day",
            metrics: [
                "eta_error": MetricHint("RMSE of η vs binary64 / long-lead error", logY: true, logX: false),
                "eta_error_final": MetricHint("RMSE of η vs binary64 / long-lead error, last day"),
                "zonal_mean_u": MetricHint("zonal-mean u, time mean", unit: "m/s", logY: false, logX: false,
                                           xLabel: "y (km from the southern wall)"),
                "zonal_mean_u_error": MetricHint("zonal-mean u: RMS difference / RMS of binary64's"),
                "ke_spectrum": MetricHint("kinetic energy per zonal wavenumber", unit: "m²/s²", logY: true, logX: true,
                                          xLabel: "zonal wavenumber k"),
                "ke_ratio": MetricHint("mean kinetic energy / binary64's", logY: false),
                "mass_change": MetricHint("change of the domain-mean η", unit: "m", logY: false),
                "stalled_fraction": MetricHint("share of prognostic values a step leaves unchanged", logY: false),
                "diverged": MetricHint("diverged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ]),
        "digits-mlp": PlotHints.classifier("Digits MLP (momentum SGD)"),
        "digits-adam": PlotHints.classifier("Digits MLP (Adam)"),
        "digits-mx": PlotHints.classifier("Digits MLP, fp8 / MX / NVFP4 products"),
        "convex-stall": PlotHints(
            title: "Logistic regression (breast cancer)", xLabel: "gradient step", xName: "step",
            metrics: [
                "gap": MetricHint("f(w) − f* (f* by Newton + LAPACKE dposv)", logY: true, logX: false),
                "final_gap": MetricHint("f(w) − f* at the end", logY: true),
                "reference_gap": MetricHint("binary64 gradient descent's final f(w) − f*"),
                "lost_updates": MetricHint("share of nonzero steps that left the weights unchanged", logY: false),
                "gradient_underflow": MetricHint("share of nonzero weight gradients rounded to 0", logY: false),
                "error_underflow": MetricHint("share of nonzero loss gradients rounded to 0", logY: false),
                "skipped_steps": MetricHint("steps skipped (non-finite gradients)", logY: false),
                "final_loss_scale": MetricHint("loss scale at the end"),
                "diverged": MetricHint("diverged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ]),
        "neural-ode": PlotHints(
            title: "Neural ODE training (ode_demo spiral)", xLabel: "training iteration k", xName: "k",
            metrics: [
                // Training curves: losses fall over decades, iterations are linear.
                "loss": MetricHint("mean batch L1 loss (last test_every iterations)", logY: true, logX: false),
                "test_loss": MetricHint("test L1 error of the trajectory from y₀ vs the truth", logY: true, logX: false),
                "final_loss": MetricHint("final mean batch L1 loss", logY: true),
                "trajectory_error": MetricHint("final test L1 error vs the true trajectory", logY: true),
                "trajectory_error_vs_binary64": MetricHint("final L1 difference from the binary64-trained model's trajectory",
                                                           logY: true),
                "binary64_trajectory_error": MetricHint("test L1 error of the binary64-trained model", logY: true),
                "skipped_steps": MetricHint("steps skipped by dynamic loss scaling", logY: false),
                "final_loss_scale": MetricHint("final loss scale S", logY: true),
                "zero_gradient_fraction": MetricHint("share of gradient components exactly zero", logY: false),
                "diverged": MetricHint("diverged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ]),
        "bessel": PlotHints(
            title: "log I_v(x), log K_v(x): log space vs naive", xLabel: "x (argument; vmf_*: κ)", xName: "x",
            metrics: [
                // Errors span 10⁻¹⁶ … 1 and x spans 10⁻⁶ … 10⁵: log on both axes.
                // Prefix lookup: i_log_error covers i_log_error_v10 etc.
                "i_log_error": MetricHint("error of log I, |Δ|/max(|log I|, 1)", logY: true, logX: true,
                                          references: .unitRoundoff),
                "k_log_error": MetricHint("error of log K, |Δ|/max(|log K|, 1)", logY: true, logX: true,
                                          references: .unitRoundoff),
                "i_naive_error": MetricHint("error of log(I) computed naively", logY: true, logX: true,
                                            references: .unitRoundoff),
                "k_naive_error": MetricHint("error of log(K) computed naively", logY: true, logX: true,
                                            references: .unitRoundoff),
                "vmf_log_error": MetricHint("error of log C_d(κ), log space", logY: true, logX: true,
                                            references: .unitRoundoff),
                "vmf_naive_error": MetricHint("error of log C_d(κ), naive", logY: true, logX: true,
                                              references: .unitRoundoff),
                "i_log_max_error": MetricHint("max error of log I (log space)", logY: true),
                "i_log_median_error": MetricHint("median error of log I (log space)", logY: true),
                "k_log_max_error": MetricHint("max error of log K (log space)", logY: true),
                "k_log_median_error": MetricHint("median error of log K (log space)", logY: true),
                "i_naive_max_error": MetricHint("max error of log I (naive, finite points)", logY: true),
                "i_naive_median_error": MetricHint("median error of log I (naive, finite points)", logY: true),
                "k_naive_max_error": MetricHint("max error of log K (naive, finite points)", logY: true),
                "k_naive_median_error": MetricHint("median error of log K (naive, finite points)", logY: true),
                "i_log_max_units": MetricHint("max error of log I in units of u", logY: true),
                "i_log_median_units": MetricHint("median error of log I in units of u", logY: true),
                "k_log_max_units": MetricHint("max error of log K in units of u", logY: true),
                "k_log_median_units": MetricHint("median error of log K in units of u", logY: true),
                "i_naive_nonfinite_fraction": MetricHint("share of grid points where naive log I is ±∞/NaN",
                                                         logY: false, yRange: (-0.05, 1.05)),
                "k_naive_nonfinite_fraction": MetricHint("share of grid points where naive log K is ±∞/NaN",
                                                         logY: false, yRange: (-0.05, 1.05)),
                "i_log_nonfinite_fraction": MetricHint("share of grid points where log-space log I is ±∞/NaN",
                                                       logY: false, yRange: (-0.05, 1.05)),
                "k_log_nonfinite_fraction": MetricHint("share of grid points where log-space log K is ±∞/NaN",
                                                       logY: false, yRange: (-0.05, 1.05)),
                "vmf_log_max_error": MetricHint("max error of log C_d(κ), log space", logY: true),
                "vmf_naive_max_error": MetricHint("max error of log C_d(κ), naive (finite points)", logY: true),
                "vmf_naive_nonfinite_fraction": MetricHint("share of κ where naive log C_d is ±∞/NaN",
                                                           logY: false, yRange: (-0.05, 1.05)),
                "unit_roundoff": MetricHint("unit roundoff u = 2^-p"),
            ]),
        "cg": PlotHints(
            title: "Conjugate gradient", xLabel: "iteration k", xName: "k",
            metrics: [
                // Convergence curves: geometric decay is a line on log y, linear k.
                "residual": MetricHint("solver's relative residual", logY: true, logX: false),
                "true_residual": MetricHint("true relative residual ‖b − Ax‖/‖b‖", logY: true, logX: false),
                "error": MetricHint("relative error ‖x − x*‖/‖x*‖ (x* from LAPACKE)", logY: true, logX: false),
                "error_a_norm": MetricHint("relative A-norm error ‖x − x*‖_A/‖x*‖_A", logY: true, logX: false,
                                           references: .metrics([(metric: "cg_bound", title: "2((√κ−1)/(√κ+1))^k")])),
                "final_residual": MetricHint("solver's relative residual at the end"),
                "final_true_residual": MetricHint("true relative residual ‖b − Ax‖/‖b‖ at the end"),
                "final_error": MetricHint("relative error ‖x − x*‖/‖x*‖ at the end"),
                "attainable_error": MetricHint("least relative error ‖x − x*‖/‖x*‖"),
                "storage_residual": MetricHint("true relative residual of x* rounded into the format"),
                "storage_error": MetricHint("relative error of x* rounded into the format"),
                "reference_residual": MetricHint("true relative residual of the LAPACKE solution"),
                "iterations": MetricHint("iterations taken"),
                "iterations_to_tolerance": MetricHint("iterations until ‖b − Ax‖/‖b‖ ≤ tol"),
                "attainable_accuracy": MetricHint("attainable accuracy (least true relative residual)", logY: true),
                "converged": MetricHint("converged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
                "stagnated": MetricHint("stagnated (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ],
            referenceOnly: ["cg_bound"]),
        "sor": PlotHints(
            title: "Stationary iteration (Jacobi / Gauss–Seidel / SOR)", xLabel: "sweep k", xName: "k",
            metrics: [
                "residual": MetricHint("solver's relative residual", logY: true, logX: false,
                                       references: .metrics([(metric: "spectral_bound", title: "theory (ρ)")])),
                "true_residual": MetricHint("true relative residual ‖b − Ax‖/‖b‖", logY: true, logX: false,
                                            references: .metrics([(metric: "spectral_bound", title: "theory (ρ)")])),
                "error": MetricHint("relative error ‖x − x*‖/‖x*‖ (x* from LAPACKE)", logY: true, logX: false),
                "final_residual": MetricHint("solver's relative residual at the end"),
                "final_true_residual": MetricHint("true relative residual ‖b − Ax‖/‖b‖ at the end"),
                "final_error": MetricHint("relative error ‖x − x*‖/‖x*‖ at the end"),
                "attainable_error": MetricHint("least relative error ‖x − x*‖/‖x*‖"),
                "storage_residual": MetricHint("true relative residual of x* rounded into the format"),
                "storage_error": MetricHint("relative error of x* rounded into the format"),
                "reference_residual": MetricHint("true relative residual of the LAPACKE solution"),
                "iterations": MetricHint("sweeps taken"),
                "iterations_to_tolerance": MetricHint("sweeps until ‖b − Ax‖/‖b‖ ≤ tol"),
                "attainable_accuracy": MetricHint("attainable accuracy (least true relative residual)", logY: true),
                "convergence_factor": MetricHint("measured convergence factor per sweep"),
                "converged": MetricHint("converged (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
                "stagnated": MetricHint("stagnated (1 = yes, 0 = no)", logY: false, yRange: (-0.05, 1.05)),
            ],
            referenceOnly: ["spectral_bound"]),
    ]
}
