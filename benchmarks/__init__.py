"""RetroEdu benchmarks: figures printed next to their targets. See benchmarks/README.md."""
