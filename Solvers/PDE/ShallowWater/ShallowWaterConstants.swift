import Foundation
import Roundoff

/// The constants of ``ShallowWater`` in the tendency type `T`, each computed
/// in binary64 from ``ShallowWaterParameters`` and ``ShallowWaterOptions``
/// and rounded once. `s` is the velocity scale, `Δ` the grid spacing and
/// `d = Δ` when rescaled, `d = 1` otherwise: tendencies are `d·∂/∂t` of
/// the scaled variables, and differences are multiplied by `1/Δ` only
/// when not rescaled.
@usableFromInline
final class ShallowWaterConstants<T: RealScalar> {
    /// ½, 3 and 6 (12·h_q from sums of four and of two thicknesses).
    @usableFromInline let half, three, six: T
    /// Depth at rest of each cell column `i` (the ridge), in m.
    @usableFromInline let depth: UnsafeMutablePointer<T>
    /// `s·d·f` on each corner row `j = 0…ny` (`y = jΔ`): the potential
    /// vorticity is carried multiplied by `s` (and by `d`), so that `q·(hv)`
    /// of the scaled flux below is the scaled tendency.
    @usableFromInline let coriolis: UnsafeMutablePointer<T>
    /// `s·d·τ/(ρH₀)` on each `u` row `j` (`y = (j + ½)Δ`).
    @usableFromInline let wind: UnsafeMutablePointer<T>
    /// `1/(2s)`: the mass flux `U = u·(h₁ + h₂)/(2s)` is that of the
    /// unscaled velocity (|U| ≲ 10³ m²/s, far from fp16's 65504 even at
    /// 2 m/s, where `s·u·h` would overflow).
    @usableFromInline let halfInverseScale: T
    /// `1/Δ` when unscaled (every difference: ∂p, ζ, ∇·U); nil when rescaled (no multiplication).
    @usableFromInline let inverseDelta: T?
    /// `1/(4s)`: the kinetic-energy part of `s·p` from the four squared face velocities.
    @usableFromInline let kineticEnergy: T
    /// `s·g`.
    @usableFromInline let gravity: T
    /// `−c_D·d/s` (quadratic drag on scaled velocities).
    @usableFromInline let drag: T
    /// `ν·d/Δ⁴` (the biharmonic viscosity on two undivided Laplacians).
    @usableFromInline let viscosity: T
    /// RK4 weights times the step `Δt/Δ` (rescaled) or `Δt`: `a = (1/6, 1/3, 1/3, 1/6)`
    /// for the final sum, `b = (½, ½, 1)` for the stage states.
    @usableFromInline let rkA: [T], rkB: [T]
    /// The forward-Euler step of drag and diffusion (`Δt/Δ` rescaled, `Δt` otherwise).
    @usableFromInline let dtDissipation: T

    @usableFromInline
    init(parameters pr: ShallowWaterParameters, options: ShallowWaterOptions) {
        let s = options.scale, delta = pr.delta
        let d = options.rescaled ? delta : 1
        half = T(0.5); three = T(3); six = T(6)
        depth = Self.table((0..<pr.nx).map { T(pr.depth(column: $0)) })
        coriolis = Self.table((0...pr.ny).map { T(s * d * pr.coriolis(y: Double($0) * delta)) })
        wind = Self.table((0..<pr.ny).map { T(s * d * pr.windForcing(y: (Double($0) + 0.5) * delta)) })
        halfInverseScale = T(0.5 / s)
        inverseDelta = options.rescaled ? nil : T(1 / delta)
        kineticEnergy = T(0.25 / s)
        gravity = T(s * pr.gravity)
        drag = T(-pr.drag * d / s)
        viscosity = T(pr.viscosity * d / (delta * delta * delta * delta))
        let step = options.rescaled ? pr.dt / delta : pr.dt
        rkA = [1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6].map { T($0 * step) }
        rkB = [0.5, 0.5, 1.0].map { T($0 * step) }
        dtDissipation = T(step)
    }

    deinit {
        depth.deallocate(); coriolis.deallocate(); wind.deallocate()
    }

    /// A copy of `values` in allocated memory (read in the inner loops without bounds checks).
    static func table<V>(_ values: [V]) -> UnsafeMutablePointer<V> {
        let p = UnsafeMutablePointer<V>.allocate(capacity: values.count)
        p.initialize(from: values, count: values.count)
        return p
    }
}
