using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Decisions.Benchmarks.DecisionBenchmarks).Assembly).Run(args);
