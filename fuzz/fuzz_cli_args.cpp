// libFuzzer target: the accord CLI driven with argument vectors (accord::cli::cli_main). The
// input is the arguments separated by NUL bytes (argv[0] is supplied). Any outcome but an exit
// status of 0, 1 or 2 (a crash, an escaped exception, undefined behaviour) is a finding.
//
// The run is sandboxed: it works in a private temporary folder holding a few small input files
// (ballots.soi, ballots.csv, org.csv, ahp.json, mcda.json, votes.csv), arguments may not name
// other paths (no '/'), and numbers above 2000 are skipped so a run stays short (huge sizes are
// the limits suite's job, tests/limits).
#include "../src/cli/cli_main.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace {
void write(const std::filesystem::path& p, const char* text) { std::ofstream(p, std::ios::binary) << text; }

std::string g_sandbox;

bool sandbox() {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "accord_fuzz_cli_XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) return false;
    g_sandbox = tmpl;
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(g_sandbox, ec);
    });
    const fs::path d(tmpl);
    write(d / "ballots.soi", "# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n"
                             "# ALTERNATIVE NAME 3: C\n3: 1,2,3\n2: 2,1\n1: 3\n");
    write(d / "ballots.csv", "unit,rank1,rank2\np1,A,B\np2,B,A\np3,A,\n");
    write(d / "org.csv", "id,name,kind,parent,population\nN,North,pcn,,\np1,P1,practice,N,300\n"
                         "p2,P2,practice,N,200\np3,P3,practice,N,100\n");
    write(d / "votes.csv", "unit,vote\np1,yes\np2,no\np3,abstain\n");
    write(d / "ahp.json", "{\"items\": [\"x\", \"y\", \"z\"], \"upper\": [2, 4, 2]}");
    write(d / "mcda.json", "{\"criteria\": [\"c1\", \"c2\"], \"options\": [\"o1\", \"o2\"], "
                           "\"scores\": [[1, 2], [2, 1]], \"weights\": [1, 1]}");
    return ::chdir(tmpl.c_str()) == 0;
}

/// Arguments that could leave the sandbox or run for long are not tried.
bool allowed(const std::string& a) {
    if (a.find('/') != std::string::npos || a.find('\\') != std::string::npos) return false;
    if (a == "explore") return false; // serves a page until interrupted: not a one-shot command
    std::size_t digits = 0;
    for (std::size_t i = 0; i <= a.size(); ++i) {
        if (i < a.size() && a[i] >= '0' && a[i] <= '9') {
            if (++digits > 3) return false; // at most 999
        } else {
            digits = 0;
        }
    }
    return a.find("e1") == std::string::npos && a.find("E1") == std::string::npos &&
           a.find("inf") == std::string::npos;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool ready = sandbox();
    if (!ready || size > 4096) return 0;
    std::vector<std::string> args{"accord"};
    std::string cur;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            args.push_back(cur);
            cur.clear();
        } else {
            cur += static_cast<char>(data[i]);
        }
    }
    if (!cur.empty()) args.push_back(cur);
    if (args.size() > 24) return 0;
    for (std::size_t i = 1; i < args.size(); ++i)
        if (!allowed(args[i])) return 0;
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Output is discarded; only the exit status and survival matter.
    std::ostringstream sink_out, sink_err;
    auto* old_out = std::cout.rdbuf(sink_out.rdbuf());
    auto* old_err = std::cerr.rdbuf(sink_err.rdbuf());
    const int status = accord::cli::cli_main(static_cast<int>(args.size()), argv.data());
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    if (std::getenv("ACCORD_FUZZ_CLI_VERBOSE")) { // to see what the seeds exercise
        for (const auto& x : args) std::cerr << x << ' ';
        std::cerr << "-> " << status << '\n';
    }
    if (status < 0 || status > 2) std::abort();
    return 0;
}
