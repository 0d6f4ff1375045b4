// The accord program's entry point; the CLI itself is accord::cli::cli_main (main.cpp).
#include "cli_main.hpp"

int main(int argc, char** argv) { return accord::cli::cli_main(argc, argv); }
