// A libFuzzer-compatible driver for compilers without libFuzzer: runs a fuzz target on every
// file given (directories are walked) and on deterministic mutations of each — bytes flipped,
// ranges deleted, duplicated or truncated, random bytes inserted — so CI exercises every
// target briefly under AddressSanitizer + UndefinedBehaviorSanitizer on each commit.
// Usage: fuzz_replay_X [--mutations N] FILE|DIR...   (scripts/fuzz runs the real fuzzer.)
// A file over 8 KiB gets fewer mutations, in proportion to its size (at least 20): each file's
// mutations then cost about what N mutations of an 8 KiB file cost. Most of the bytes were in a
// few long files (60 KB long-line cases, real score exports), where N mutations exercised the
// same paths N times over and took a third of CI's replay time; libFuzzer itself mutates inputs
// of at most 4 KiB unless told otherwise.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <algorithm>
#include <csignal>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
// The input being run, written out if the target aborts so the finding can become a test.
const std::vector<std::uint8_t>* current = nullptr;
std::string current_name;

extern "C" void on_abort(int) {
    if (current) {
        std::FILE* f = std::fopen("replay-crash-input", "wb");
        if (f) {
            std::fwrite(current->data(), 1, current->size(), f);
            std::fclose(f);
        }
        std::fprintf(stderr, "finding on %s; input written to ./replay-crash-input\n", current_name.c_str());
    }
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
}

std::uint64_t next(std::uint64_t& s) { // splitmix64: the same mutations everywhere
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void run(const std::vector<std::uint8_t>& in) {
    current = &in;
    LLVMFuzzerTestOneInput(in.empty() ? nullptr : in.data(), in.size());
    current = nullptr;
}

std::vector<std::uint8_t> mutate(std::vector<std::uint8_t> b, std::uint64_t& s) {
    const int edits = 1 + static_cast<int>(next(s) % 4);
    for (int e = 0; e < edits; ++e) {
        const std::size_t n = b.size();
        const std::size_t at = n ? next(s) % n : 0;
        switch (next(s) % 6) {
        case 0:
            if (n) b[at] ^= static_cast<std::uint8_t>(1u << (next(s) % 8));
            break;
        case 1:
            if (n) b[at] = static_cast<std::uint8_t>(next(s));
            break;
        case 2:
            if (n)
                b.erase(b.begin() + static_cast<std::ptrdiff_t>(at),
                        b.begin() + static_cast<std::ptrdiff_t>(std::min(n, at + 1 + next(s) % 16)));
            break;
        case 3:
            b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::uint8_t>(next(s)));
            break;
        case 4:
            if (n) b.resize(at);
            break;
        default:
            if (n) {
                const std::size_t len = std::min<std::size_t>(n - at, 1 + next(s) % 32);
                std::vector<std::uint8_t> chunk(b.begin() + static_cast<std::ptrdiff_t>(at),
                                                b.begin() + static_cast<std::ptrdiff_t>(at + len));
                b.insert(b.begin() + static_cast<std::ptrdiff_t>(next(s) % (n + 1)), chunk.begin(),
                         chunk.end());
            }
        }
    }
    return b;
}
} // namespace

int main(int argc, char** argv) {
    std::size_t mutations = 100;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mutations" && i + 1 < argc) {
            mutations = std::strtoull(argv[++i], nullptr, 10);
            continue;
        }
        const std::filesystem::path p(a);
        if (std::filesystem::is_directory(p)) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(p))
                if (e.is_regular_file() && e.file_size() <= 64 * 1024) files.push_back(e.path());
        } else if (std::filesystem::is_regular_file(p)) {
            files.push_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    std::signal(SIGABRT, on_abort);
    std::size_t runs = 0;
    std::uint64_t seed = 2026;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                              std::istreambuf_iterator<char>());
        current_name = f.string();
        run(bytes);
        ++runs;
        constexpr std::size_t k_full_size = 8 * 1024, k_least = 20;
        const std::size_t mine =
            bytes.size() <= k_full_size
                ? mutations
                : std::min(mutations, std::max(k_least, mutations * k_full_size / bytes.size()));
        for (std::size_t m = 0; m < mine; ++m, ++runs) {
            current_name = f.string() + " (mutation " + std::to_string(m) + ")";
            const auto input = mutate(bytes, seed);
            run(input);
        }
    }
    std::printf("%zu inputs from %zu files, no finding\n", runs, files.size());
    return files.empty() ? 1 : 0;
}
