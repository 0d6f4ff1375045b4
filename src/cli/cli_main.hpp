// The accord program as a function, for its main() (entry.cpp) and the argument fuzzer.
#pragma once

namespace accord::cli {
/// The accord program: parses argv, runs the subcommand, returns the exit status (0, 1 error,
/// 2 usage). Output goes to std::cout / std::cerr.
int cli_main(int argc, char** argv);
} // namespace accord::cli
