import Roundoff

extension ShallowWater {
    /// Writes the tendencies of `input` (advection, Coriolis, pressure
    /// gradient, wind) into `tendency`, in `Tendency` (see the type for the
    /// discretisation). Rescaled, the values are `Δ·∂/∂t` of the scaled
    /// variables; unscaled, `∂/∂t` in SI units. The mass flux is that of
    /// the unscaled velocity and the potential vorticity carries the scale
    /// instead (``ShallowWaterConstants``), so the PV flux `q·V` is the
    /// scaled tendency and `−∇·V` that of `η`.
    @inlinable
    func computeTendencies() {
        let nx = self.nx, ny = self.ny
        let c = constants, w = work, east = grid.east, west = grid.west
        let u = input.u, v = input.v, eta = input.eta
        let du = tendency.u, dv = tendency.v, deta = tendency.eta

        computeThicknessAndSquares()

        // Mass fluxes U = u·h_u/s, V = v·h_v/s (V is zero on the walls).
        let hScale = c.halfInverseScale
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                w.bigU[row + i] = u[row + i] * (hScale * (w.h[row + i] + w.h[row + east[i]]))
            }
        }
        for j in 1..<ny {
            let row = j * nx
            for i in 0..<nx {
                w.bigV[row + i] = v[row + i] * (hScale * (w.h[row - nx + i] + w.h[row + i]))
            }
        }

        // Continuity: −(∂U/∂x + ∂V/∂y).
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let dUdx = w.bigU[row + i] - w.bigU[row + west[i]]
                let dVdy = w.bigV[row + nx + i] - w.bigV[row + i]
                var divergence = dUdx + dVdy
                if let inverse = c.inverseDelta { divergence = divergence * inverse }
                deta[row + i] = -divergence
            }
        }

        // Bernoulli potential s·p = (sum of the four squared scaled face velocities)/(4s) + s·g·η.
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let squares = (w.u2[row + west[i]] + w.u2[row + i]) + (w.v2[row + i] + w.v2[row + nx + i])
                w.p[row + i] = c.kineticEnergy * squares + c.gravity * eta[row + i]
            }
        }

        // Potential vorticity on the corners (x = (i+1)Δ, y = jΔ), walls
        // included, carried divided by 12 (the triad weight): q/12 = (f + ζ)/(12·h_q)
        // with 12·h_q = 3 × the four-cell sum (6 × the two-cell sum at a wall).
        let three = c.three, six = c.six
        for j in 0...ny {
            let row = j * nx
            for i in 0..<nx {
                let e = east[i]
                let dvdx: Tendency, dudy: Tendency, hq12: Tendency
                if j == 0 {
                    dvdx = 0
                    dudy = u[i] + u[i]                     // ghost u = −u below the wall
                    hq12 = six * (w.h[i] + w.h[e])
                } else if j == ny {
                    dvdx = 0
                    dudy = -(u[row - nx + i] + u[row - nx + i])
                    hq12 = six * (w.h[row - nx + i] + w.h[row - nx + e])
                } else {
                    dvdx = v[row + e] - v[row + i]
                    dudy = u[row + i] - u[row - nx + i]
                    hq12 = three * ((w.h[row - nx + i] + w.h[row - nx + e]) + (w.h[row + i] + w.h[row + e]))
                }
                var zeta = dvdx - dudy
                if let inverse = c.inverseDelta { zeta = zeta * inverse }
                w.q[row + i] = (c.coriolis[j] + zeta) / hq12
            }
        }

        // Arakawa–Hsu triads of each cell, (q₁ + q₂ + q₃)/12 of three of its
        // corners, from the sums of the two corners on each corner row.
        for j in 0...ny {
            let row = j * nx
            for i in 0..<nx { w.qPair[row + i] = w.q[row + west[i]] + w.q[row + i] }
        }
        for j in 0..<ny {
            let south = j * nx, north = south + nx
            for i in 0..<nx {
                let wi = west[i]
                let northPair = w.qPair[north + i], southPair = w.qPair[south + i]
                w.ne[south + i] = northPair + w.q[south + i]      // NW + NE + SE
                w.nw[south + i] = northPair + w.q[south + wi]     // NW + NE + SW
                w.se[south + i] = southPair + w.q[north + i]      // SW + SE + NE
                w.sw[south + i] = southPair + w.q[north + wi]     // SW + SE + NW
            }
        }

        // u: q·hv − ∂p/∂x + wind, on the east face of each cell.
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let e = east[i]
                let qhv = (w.ne[row + i] * w.bigV[row + nx + i] + w.nw[row + e] * w.bigV[row + nx + e])
                    + (w.se[row + i] * w.bigV[row + i] + w.sw[row + e] * w.bigV[row + e])
                var dpdx = w.p[row + e] - w.p[row + i]
                if let inverse = c.inverseDelta { dpdx = dpdx * inverse }
                du[row + i] = (qhv - dpdx) + c.wind[j]
            }
        }

        // v: −q·hu − ∂p/∂y, on the interior south faces.
        for j in 1..<ny {
            let row = j * nx
            for i in 0..<nx {
                let wi = west[i]
                let qhu = (w.sw[row + i] * w.bigU[row + wi] + w.se[row + i] * w.bigU[row + i])
                    + (w.nw[row - nx + i] * w.bigU[row - nx + wi] + w.ne[row - nx + i] * w.bigU[row - nx + i])
                var dpdy = w.p[row + i] - w.p[row - nx + i]
                if let inverse = c.inverseDelta { dpdy = dpdy * inverse }
                dv[row + i] = -qhu - dpdy
            }
        }
    }

    /// Writes the drag and diffusion tendencies of `input` into
    /// `tendency.u`, `tendency.v`: `−c_D·|u|·u/h − ν∇⁴u` (in the units of
    /// ``computeTendencies()``). `|u|` at a face is the mean of the speeds
    /// `√(mean u² + mean v²)` of its two cells; `∇⁴` is the undivided
    /// 5-point Laplacian applied twice with antisymmetric ghost rows
    /// across the walls (no slip for `u`, no normal flow for `v`).
    @inlinable
    func computeDissipation() {
        let nx = self.nx, ny = self.ny
        let c = constants, w = work, east = grid.east, west = grid.west
        let u = input.u, v = input.v
        let du = tendency.u, dv = tendency.v
        let half = c.half

        computeThicknessAndSquares()
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let squares = half * (w.u2[row + west[i]] + w.u2[row + i]) + half * (w.v2[row + i] + w.v2[row + nx + i])
                w.speed[row + i] = squares.squareRoot()
            }
        }
        Self.laplacianOfU(u, into: w.lapU, nx: nx, ny: ny, east: east, west: west)
        Self.laplacianOfU(w.lapU, into: w.p, nx: nx, ny: ny, east: east, west: west)
        Self.laplacianOfV(v, into: w.lapV, nx: nx, ny: ny, east: east, west: west)
        Self.laplacianOfV(w.lapV, into: w.q, nx: nx, ny: ny, east: east, west: west)

        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let e = east[i]
                let speed = half * (w.speed[row + i] + w.speed[row + e])
                let hu = half * (w.h[row + i] + w.h[row + e])
                let drag = c.drag * speed * u[row + i] / hu
                du[row + i] = drag - c.viscosity * w.p[row + i]
            }
        }
        for j in 1..<ny {
            let row = j * nx
            for i in 0..<nx {
                let speed = half * (w.speed[row - nx + i] + w.speed[row + i])
                let hv = half * (w.h[row - nx + i] + w.h[row + i])
                let drag = c.drag * speed * v[row + i] / hv
                dv[row + i] = drag - c.viscosity * w.q[row + i]
            }
        }
    }

    /// Writes the thickness `h = η + H` and the squared velocities `u²`, `v²`
    /// of `input` into the workspace (the wall rows of `v²` stay zero).
    @inlinable
    func computeThicknessAndSquares() {
        let nx = self.nx, ny = self.ny
        let w = work, depth = constants.depth
        let u = input.u, v = input.v, eta = input.eta
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                w.h[row + i] = eta[row + i] + depth[i]
                w.u2[row + i] = u[row + i] * u[row + i]
            }
        }
        for k in nx..<(nx * ny) { w.v2[k] = v[k] * v[k] }
    }

    /// The undivided Laplacian of a `u`-point field (rows `0…ny−1`), with
    /// the ghost value beyond a wall equal to minus the value inside.
    @inlinable
    static func laplacianOfU(_ f: UnsafeMutablePointer<Tendency>, into out: UnsafeMutablePointer<Tendency>,
                             nx: Int, ny: Int, east: UnsafeMutablePointer<Int>, west: UnsafeMutablePointer<Int>) {
        for j in 0..<ny {
            let row = j * nx
            for i in 0..<nx {
                let centre = f[row + i]
                let south = j > 0 ? f[row - nx + i] : -centre
                let north = j < ny - 1 ? f[row + nx + i] : -centre
                out[row + i] = ((f[row + west[i]] + f[row + east[i]]) + (south + north)) - 4 * centre
            }
        }
    }

    /// The undivided Laplacian of a `v`-point field on the interior rows
    /// `1…ny−1`; the wall rows hold zero (and so does the result there).
    @inlinable
    static func laplacianOfV(_ f: UnsafeMutablePointer<Tendency>, into out: UnsafeMutablePointer<Tendency>,
                             nx: Int, ny: Int, east: UnsafeMutablePointer<Int>, west: UnsafeMutablePointer<Int>) {
        for j in 1..<ny {
            let row = j * nx
            for i in 0..<nx {
                let centre = f[row + i]
                out[row + i] = ((f[row + west[i]] + f[row + east[i]]) + (f[row - nx + i] + f[row + nx + i])) - 4 * centre
            }
        }
        for i in 0..<nx { out[i] = 0; out[ny * nx + i] = 0 }
    }
}
