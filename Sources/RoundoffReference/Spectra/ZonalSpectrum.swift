import CFFTW
import Foundation

/// Power spectra in zonal wavenumber of fields on a zonally periodic grid,
/// computed in binary64 by FFTW (a real-to-complex transform of every row).
///
/// A field is `nx × ny` values stored row by row (`x` fastest, `value[j·nx + i]`),
/// periodic in `x`. For a row `f₀…f_{nx−1}` with discrete Fourier coefficients
/// `F_k = Σᵢ fᵢ e^{−2πi·ik/nx}`, the one-sided power of wavenumber `k` is
///
///     P_k = c_k · |F_k|² / nx²,   c_k = 1 for k = 0 and k = nx/2 (nx even), else 2,
///
/// so that Parseval's identity reads `Σ_{k=0}^{⌊nx/2⌋} P_k = (1/nx) Σᵢ fᵢ²`.
/// ``power(_:nx:ny:)`` returns `P_k` averaged over the `ny` rows. The error
/// is that of FFTW's transform: a few units of binary64 round-off times
/// `log₂ nx` relative to `Σ P_k`.
public enum ZonalSpectrum {
    /// FFTW's planner is not thread-safe (only `fftw_execute` is); every
    /// plan is made and destroyed under this lock.
    private static let planner = NSLock()

    /// The row-averaged one-sided power `P_k`, `k = 0…⌊nx/2⌋` (see the type).
    ///
    /// - Precondition: `nx ≥ 1`, `ny ≥ 1` and `field.count == nx·ny`.
    public static func power(_ field: [Double], nx: Int, ny: Int) -> [Double] {
        precondition(nx >= 1 && ny >= 1 && field.count == nx * ny,
                     "ZonalSpectrum.power: \(field.count) values for an \(nx) × \(ny) grid")
        let modes = nx / 2 + 1
        let input = UnsafeMutablePointer<Double>.allocate(capacity: nx * ny)
        defer { input.deallocate() }
        let output = UnsafeMutablePointer<fftw_complex>.allocate(capacity: modes * ny)
        defer { output.deallocate() }
        // Plan before filling: FFTW_ESTIMATE leaves the arrays alone, but any
        // other flag would overwrite them while planning.
        let plan = planner.withLock {
            var n = Int32(nx)
            return fftw_plan_many_dft_r2c(1, &n, Int32(ny),
                                          input, nil, 1, Int32(nx),
                                          output, nil, 1, Int32(modes),
                                          UInt32(FFTW_ESTIMATE))
        }
        guard let plan else { fatalError("FFTW could not plan a real transform of \(ny) rows of \(nx) values") }
        defer { planner.withLock { fftw_destroy_plan(plan) } }
        for i in 0..<(nx * ny) { input[i] = field[i] }
        fftw_execute(plan)

        var power = [Double](repeating: 0, count: modes)
        let norm = 1 / (Double(nx) * Double(nx) * Double(ny))
        for j in 0..<ny {
            for k in 0..<modes {
                let c = output[j * modes + k]
                let weight: Double = (k == 0 || 2 * k == nx) ? 1 : 2
                power[k] += weight * (c.0 * c.0 + c.1 * c.1) * norm
            }
        }
        return power
    }

    /// The kinetic-energy spectrum `E_k = ½(P_k[u] + P_k[v])` of a velocity
    /// field given at the same `nx × ny` points, so that `Σ_k E_k` is the
    /// domain mean of `½(u² + v²)`.
    public static func kineticEnergy(u: [Double], v: [Double], nx: Int, ny: Int) -> [Double] {
        let pu = power(u, nx: nx, ny: ny), pv = power(v, nx: nx, ny: ny)
        return zip(pu, pv).map { 0.5 * ($0 + $1) }
    }
}
