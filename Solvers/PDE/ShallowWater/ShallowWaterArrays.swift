import Roundoff

/// The three prognostic arrays `u`, `v`, `η` of ``ShallowWater`` in one
/// scalar type, in the layout of ``ShallowWaterFields`` (`v` with its two
/// wall rows), allocated once and zero-initialised.
@usableFromInline
final class ShallowWaterArrays<S: RealScalar> {
    @usableFromInline let u: UnsafeMutablePointer<S>
    @usableFromInline let v: UnsafeMutablePointer<S>
    @usableFromInline let eta: UnsafeMutablePointer<S>
    @usableFromInline let cells: Int

    @usableFromInline
    init(nx: Int, ny: Int) {
        cells = nx * ny
        u = .allocate(capacity: cells); u.initialize(repeating: 0, count: cells)
        v = .allocate(capacity: cells + nx); v.initialize(repeating: 0, count: cells + nx)
        eta = .allocate(capacity: cells); eta.initialize(repeating: 0, count: cells)
    }

    deinit {
        u.deallocate(); v.deallocate(); eta.deallocate()
    }
}

/// Work arrays of the tendency computation, in the tendency type: layer
/// thickness, mass fluxes, squared velocities, Bernoulli potential,
/// potential vorticity and its four Arakawa–Hsu triads, and the
/// Laplacians of the diffusion.
@usableFromInline
final class ShallowWaterWorkspace<T: RealScalar> {
    /// `h` at cell centres; `U = u·h_u`; `V = v·h_v` (wall rows zero).
    @usableFromInline let h, bigU, bigV: UnsafeMutablePointer<T>
    /// `u²` on `u` points, `v²` on `v` points (wall rows zero).
    @usableFromInline let u2, v2: UnsafeMutablePointer<T>
    /// Bernoulli potential at cell centres; PV/12 on the `nx·(ny+1)` corners
    /// and the sum of each corner's with its western neighbour's.
    @usableFromInline let p, q, qPair: UnsafeMutablePointer<T>
    /// The triads of each cell: corners NW+NE+SE, SW+NW+NE, NE+SE+SW, SE+SW+NW of PV/12.
    @usableFromInline let ne, nw, se, sw: UnsafeMutablePointer<T>
    /// Speed at cell centres and the Laplacians of `u` and `v` (for drag and diffusion).
    @usableFromInline let speed, lapU, lapV: UnsafeMutablePointer<T>
    private let all: [UnsafeMutablePointer<T>]

    @usableFromInline
    init(nx: Int, ny: Int) {
        let cells = nx * ny, faces = nx * (ny + 1)
        func make(_ n: Int) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        h = make(cells); bigU = make(cells); bigV = make(faces)
        u2 = make(cells); v2 = make(faces)
        p = make(cells); q = make(faces); qPair = make(faces)
        ne = make(cells); nw = make(cells); se = make(cells); sw = make(cells)
        speed = make(cells); lapU = make(cells); lapV = make(faces)
        all = [h, bigU, bigV, u2, v2, p, q, qPair, ne, nw, se, sw, speed, lapU, lapV]
    }

    deinit {
        for p in all { p.deallocate() }
    }
}

/// The periodic neighbour tables of the zonal index: `east[i] = (i + 1) mod nx`,
/// `west[i] = (i − 1) mod nx`.
@usableFromInline
final class ShallowWaterGrid {
    @usableFromInline let nx: Int, ny: Int
    @usableFromInline let east: UnsafeMutablePointer<Int>, west: UnsafeMutablePointer<Int>

    @usableFromInline
    init(nx: Int, ny: Int) {
        self.nx = nx; self.ny = ny
        east = .allocate(capacity: nx); west = .allocate(capacity: nx)
        for i in 0..<nx {
            east[i] = (i + 1) % nx
            west[i] = (i + nx - 1) % nx
        }
    }

    deinit {
        east.deallocate(); west.deallocate()
    }
}
