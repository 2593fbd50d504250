import PrecisionSweepCLI
import RoundoffNN
import RoundoffWorkloads
import SolverWorkloads

for workload in SolverWorkloads.all + NNWorkloads.all { WorkloadRegistry.shared.register(workload) }
PrecisionSweep.main()
