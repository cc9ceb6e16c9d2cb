"""The demo station, the demo county and the bulk data the benchmarks build; only the command
line, the GUI and the tests use them."""
