import PrecisionSweepCLI
import RoundoffWorkloads
import SolverWorkloads

for workload in SolverWorkloads.all { WorkloadRegistry.shared.register(workload) }
PrecisionSweep.main()
