/// The prognostic fields of ``ShallowWater`` in binary64 and SI units
/// (velocities in m/s, surface height in m), on the Arakawa C-grid of an
/// `nx × ny` domain; every array is row by row, `x` fastest.
///
/// - `u[i + nx·j]`: zonal velocity on the east face of cell `(i, j)`,
///   `x = (i + 1)Δ`, `y = (j + ½)Δ`; `nx·ny` values.
/// - `v[i + nx·j]`: meridional velocity on the south face of cell `(i, j)`,
///   `x = (i + ½)Δ`, `y = jΔ`; `nx·(ny + 1)` values, rows `0` and `ny` are
///   the walls and hold 0.
/// - `eta[i + nx·j]`: surface height at the centre of cell `(i, j)`; `nx·ny` values.
public struct ShallowWaterFields: Hashable, Sendable {
    /// Grid size in cells.
    public var nx: Int, ny: Int
    /// Zonal velocity, `nx·ny` values (see the type).
    public var u: [Double]
    /// Meridional velocity, `nx·(ny + 1)` values with zero wall rows.
    public var v: [Double]
    /// Surface height `η`, `nx·ny` values.
    public var eta: [Double]

    /// A fluid at rest: `u = v = η = 0`.
    public init(restingOn nx: Int, _ ny: Int) {
        self.nx = nx; self.ny = ny
        u = .init(repeating: 0, count: nx * ny)
        v = .init(repeating: 0, count: nx * (ny + 1))
        eta = .init(repeating: 0, count: nx * ny)
    }

    /// Fields from arrays of the sizes given in the type's description.
    public init(nx: Int, ny: Int, u: [Double], v: [Double], eta: [Double]) {
        precondition(u.count == nx * ny && v.count == nx * (ny + 1) && eta.count == nx * ny,
                     "ShallowWaterFields: array sizes do not match an \(nx) × \(ny) grid")
        self.nx = nx; self.ny = ny; self.u = u; self.v = v; self.eta = eta
    }

    /// The domain mean of `η` in m (the volume above the rest state per
    /// unit area; the model conserves it exactly in exact arithmetic).
    public var meanHeight: Double { eta.reduce(0, +) / Double(eta.count) }

    /// The zonal mean of `u` in each row `j = 0…ny−1`, in m/s.
    public var zonalMeanU: [Double] {
        (0..<ny).map { j in u[(j * nx)..<((j + 1) * nx)].reduce(0, +) / Double(nx) }
    }

    /// `u` and `v` interpolated to the cell centres (the mean of the two
    /// faces of each cell), `nx·ny` values each, for spectra.
    public var cellCentreVelocities: (u: [Double], v: [Double]) {
        var uc = [Double](repeating: 0, count: nx * ny), vc = uc
        for j in 0..<ny {
            for i in 0..<nx {
                let west = i == 0 ? nx - 1 : i - 1
                uc[i + nx * j] = 0.5 * (u[west + nx * j] + u[i + nx * j])
                vc[i + nx * j] = 0.5 * (v[i + nx * j] + v[i + nx * (j + 1)])
            }
        }
        return (uc, vc)
    }

    /// The domain-mean kinetic energy per unit mass `½(u² + v²)` at the cell
    /// centres (with the face values averaged as squares), in m²/s².
    public var meanKineticEnergy: Double {
        var sum = 0.0
        for j in 0..<ny {
            for i in 0..<nx {
                let west = i == 0 ? nx - 1 : i - 1
                let uw = u[west + nx * j], ue = u[i + nx * j]
                let vs = v[i + nx * j], vn = v[i + nx * (j + 1)]
                sum += 0.25 * (uw * uw + ue * ue + vs * vs + vn * vn)
            }
        }
        return sum / Double(nx * ny)
    }
}
