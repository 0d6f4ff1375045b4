// Split runs: `accord run METHOD FILE --shard OUT` writes a shard (a file's ballots as a
// mergeable summary, with the method and options it is for); `accord merge SHARD...` merges
// shards exactly, in the order given, and counts them as `accord run` counts the concatenated
// file (docs/cli.md, "Split runs"; the file format is docs/formats.md, "Shards").
#include "common.hpp"

#include "accord/detail/safety.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace accord::cli {

namespace {

constexpr const char* k_shard_format = "accord-shard";
constexpr int k_shard_version = 1;

std::string sha256_hex(std::string_view bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), md, &n, EVP_sha256(), nullptr) != 1)
        throw error(errc::error, "shard: SHA-256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * std::size_t{n});
    for (unsigned int i = 0; i < n; ++i) {
        out.push_back(hex[md[i] >> 4]);
        out.push_back(hex[md[i] & 15]);
    }
    return out;
}

// The formats whose readers meet the candidates in the ballots (a CSV's rank columns name
// them cell by cell), so that a shard may lack a candidate another shard has; every other format
// declares its candidates in the file, and its shards must declare the same ones.
bool candidates_found_in_ballots(const std::string& format) { return format == "csv" || format == "xlsx"; }

struct shard {
    nlohmann::ordered_json header; // format, version, method, options, read, read_as, sources, ...
    profile ballots{std::vector<std::string>{}, ballot_kind::ranking};
};

std::string shard_text(const shard& s) {
    const std::string summary = serialize(s.ballots);
    nlohmann::ordered_json h = s.header;
    h["summary_bytes"] = summary.size();
    h["summary_sha256"] = sha256_hex(summary);
    return h.dump() + '\n' + summary + '\n';
}

void write_shard(const shard& s, const std::string& path) {
    const std::string text = shard_text(s);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw error(errc::io, "cannot write the shard '" + path + "'");
}

shard read_shard(const std::string& path) {
    const std::string text = read_text_file(path);
    auto bad = [&](const std::string& what) { return error(errc::invalid, path + ": " + what); };
    const auto eol = text.find('\n');
    if (eol == std::string::npos) throw bad("not an accord shard (no header line; truncated?)");
    shard s;
    try {
        s.header = accord::detail::parse_json<nlohmann::ordered_json>(text.substr(0, eol), "shard header");
    } catch (const error&) {
        throw bad("not an accord shard (its first line is not a JSON header)");
    }
    const auto& h = s.header;
    if (!h.is_object() || !h.contains("format") || h["format"] != k_shard_format)
        throw bad("not an accord shard (its header's \"format\" is not \"accord-shard\")");
    if (!h.contains("version") || h["version"] != k_shard_version)
        throw bad("unsupported shard version " + (h.contains("version") ? h["version"].dump() : "(none)") +
                  " (this accord reads version 1)");
    for (const char* key :
         {"method", "options", "read", "read_as", "sources", "summary_bytes", "summary_sha256"})
        if (!h.contains(key)) throw bad(std::string("the shard header lacks \"") + key + "\"");
    if (!h["method"].is_string() || !h["options"].is_object() || !h["read_as"].is_string() ||
        !h["summary_bytes"].is_number_unsigned() || !h["summary_sha256"].is_string())
        throw bad("the shard header is malformed");
    const std::size_t bytes = h["summary_bytes"].get<std::size_t>();
    const std::string_view rest = std::string_view(text).substr(eol + 1);
    if (rest.size() != bytes + 1 || rest.back() != '\n')
        throw bad("truncated or damaged: the header announces a summary of " + std::to_string(bytes) +
                  " bytes and a final newline; the file holds " + std::to_string(rest.size()) +
                  " bytes after it");
    const std::string_view summary = rest.substr(0, bytes);
    if (sha256_hex(summary) != h["summary_sha256"].get<std::string>())
        throw bad("damaged: the summary's SHA-256 differs from the one in the shard header");
    try {
        s.ballots = deserialize(summary);
    } catch (const error& e) {
        throw bad(e.detail());
    }
    return s;
}

// Refuses a shard that is not part of the same count as the first, naming both files.
void check_same_count(const shard& first, const std::string& first_path, const shard& s,
                      const std::string& path) {
    auto differ = [&](const std::string& what, const nlohmann::ordered_json& a,
                      const nlohmann::ordered_json& b) {
        return error(errc::invalid, path + ": " + what + " " + b.dump() + ", but " + first_path + " " + what +
                                        " " + a.dump() + "; shards of one count must agree");
    };
    const auto& a = first.header;
    const auto& b = s.header;
    if (a["method"] != b["method"]) throw differ("is for method", a["method"], b["method"]);
    if (a["options"] != b["options"]) {
        const std::string tail = "; shards of one count must agree";
        for (const auto& [k, v] : b["options"].items()) {
            if (!a["options"].contains(k))
                throw error(errc::invalid, path + ": gives option '" + k + "' = " + v.dump() + ", which " +
                                               first_path + " does not give" + tail);
            if (a["options"][k] != v)
                throw error(errc::invalid, path + ": has option '" + k + "' = " + v.dump() + ", but " +
                                               first_path + " has '" + k + "' = " + a["options"][k].dump() +
                                               tail);
        }
        for (const auto& [k, v] : a["options"].items())
            if (!b["options"].contains(k))
                throw error(errc::invalid, path + ": does not give option '" + k + "', which " + first_path +
                                               " gives as " + v.dump() + tail);
    }
    if (a["read"] != b["read"]) throw differ("was read with the flags", a["read"], b["read"]);
    if (a["read_as"] != b["read_as"]) throw differ("was read as format", a["read_as"], b["read_as"]);
    if (!candidates_found_in_ballots(a["read_as"].get<std::string>()) &&
        first.ballots.candidate_names() != s.ballots.candidate_names())
        throw differ("declares the candidates", first.ballots.candidate_names(), s.ballots.candidate_names());
}

struct merge_state {
    std::vector<std::string> shards;
    std::string out;
    bool json = false, quiet = false;
};

} // namespace

// Called by `accord run ... --shard OUT` (cmd_run.cpp).
void write_run_shard(const profile& p, const read_report& rep, const input_flags& in,
                     const std::string& method, const nlohmann::json& options, const std::string& path,
                     bool json) {
    shard s;
    auto inv = ballots_invocation(in);
    s.header = {{"format", k_shard_format},
                {"version", k_shard_version},
                {"method", method},
                {"options", accord::detail::parse_json<nlohmann::ordered_json>(options.dump(), "--options")},
                {"read", inv["read"]},
                {"read_as", format_name(rep.format)},
                {"sources", nlohmann::ordered_json::array({in.file})}};
    s.ballots = p;
    write_shard(s, path);
    if (json)
        std::cout << nlohmann::ordered_json{{"input", in.file},
                                            {"shard", path},
                                            {"candidates", p.candidate_count()},
                                            {"ballots", p.total_count().str()},
                                            {"unique_ballots", p.unique_count()}}
                         .dump()
                  << '\n';
}

command add_merge(CLI::App& root) {
    auto st = std::make_shared<merge_state>();
    auto* app = root.add_subcommand(
        "merge", "Merge shards written by `accord run ... --shard` and count them as the whole file");
    app->add_option("SHARD", st->shards, "Shard files, in the order of the ballots they hold")->required();
    app->add_option("-o,--output", st->out,
                    "Write the merged shard to this file instead of counting (to merge it again later)");
    app->add_flag("--json", st->json, "Print the result as one JSON object (as accord run --json)");
    app->add_flag("--quiet", st->quiet, "No progress bar for long counts");
    app->footer("Examples:\n"
                "  accord run irv cvr-part1.csv --skip-column ballot_id --shard part1.shard\n"
                "  accord run irv cvr-part2.csv --skip-column ballot_id --shard part2.shard\n"
                "  accord merge part1.shard part2.shard --json\n"
                "  accord merge part1.shard part2.shard -o half.shard");
    command c;
    c.app = app;
    c.run = [st]() {
        shard merged = read_shard(st->shards.front());
        for (std::size_t i = 1; i < st->shards.size(); ++i) {
            const std::string& path = st->shards[i];
            const shard s = read_shard(path);
            check_same_count(merged, st->shards.front(), s, path);
            try {
                merge_into(merged.ballots, s.ballots);
            } catch (const error& e) {
                throw error(errc::invalid, path + ": " + e.detail());
            }
            for (const auto& src : s.header["sources"]) merged.header["sources"].push_back(src);
        }
        if (!st->out.empty()) {
            write_shard(merged, st->out);
            if (st->json)
                std::cout << nlohmann::ordered_json{{"shard", st->out},
                                                    {"sources", merged.header["sources"]},
                                                    {"candidates", merged.ballots.candidate_count()},
                                                    {"ballots", merged.ballots.total_count().str()},
                                                    {"unique_ballots", merged.ballots.unique_count()}}
                                 .dump()
                          << '\n';
            return 0;
        }
        const std::string method = merged.header["method"].get<std::string>();
        const result r = run(merged.ballots, method, merged.header["options"].dump(),
                             terminal_fraction_progress(method.c_str(), st->quiet));
        print_result(r, st->json);
        return 0;
    };
    return c;
}

} // namespace accord::cli
