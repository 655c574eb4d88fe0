"""Tools beside the app: synthetic province and national data for load tests and the benchmark."""
