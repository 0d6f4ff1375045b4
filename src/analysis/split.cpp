// Monte Carlo runs split across processes: block-range parts, their exact fold in block order,
// and the total a finishing run starts from (split.hpp, monte_carlo.hpp's block_split).
#include "split.hpp"

#include "accord/error.hpp"

namespace accord {
inline namespace v0 {

namespace {
using json = nlohmann::ordered_json;

constexpr const char* k_format = "accord-blocks";

struct part {
    std::string analysis;
    std::size_t samples = 0, first = 0, last = 0;
    std::uint64_t seed = 0;
    bool total = false;
    std::vector<std::string> sums;
};

part read_part(const json& j) {
    try {
        if (!j.is_object() || j.value("format", "") != k_format || j.value("version", 0) != 1)
            throw error(errc::invalid,
                        "block sums: not a part of a split Monte Carlo run (format accord-blocks, "
                        "version 1)");
        part p;
        p.analysis = j.at("analysis").get<std::string>();
        p.samples = j.at("samples").get<std::size_t>();
        p.seed = j.at("seed").get<std::uint64_t>();
        p.first = j.at("first").get<std::size_t>();
        p.last = j.at("last").get<std::size_t>();
        p.total = j.at("total").get<bool>();
        p.sums = j.at("sums").get<std::vector<std::string>>();
        if (p.first >= p.last || p.last > sample_block_count(p.samples) ||
            p.sums.size() != (p.total ? 1 : p.last - p.first) || (p.total && p.first != 0))
            throw error(errc::invalid, "block sums: a part's blocks and sums do not agree");
        return p;
    } catch (const json::exception& e) {
        throw error(errc::invalid, std::string("block sums: malformed part: ") + e.what());
    }
}

json write_part(const part& p) {
    json j;
    j["format"] = k_format;
    j["version"] = 1;
    j["analysis"] = p.analysis;
    j["samples"] = p.samples;
    j["seed"] = p.seed;
    j["first"] = p.first;
    j["last"] = p.last;
    j["total"] = p.total;
    j["sums"] = p.sums;
    return j;
}
} // namespace

std::string fold_acceptability_sums(std::span<const std::string> items) {
    if (items.empty()) throw error(errc::invalid, "smaa: no block sums to add");
    acceptability_sums total(acceptability_sums::load(items.front()).candidates());
    for (const auto& x : items) {
        const auto s = acceptability_sums::load(x);
        if (s.candidates() != total.candidates())
            throw error(errc::invalid, "smaa: block sums over other candidates");
        total.merge(s); // from zero, in block order: the additions one process makes
    }
    return total.save();
}

std::string fold_block_sums(std::string_view text) {
    json parts;
    try {
        parts = json::parse(text);
    } catch (const json::exception& e) {
        throw error(errc::invalid, std::string("block sums: not JSON: ") + e.what());
    }
    if (!parts.is_array() || parts.empty())
        throw error(errc::invalid, "block sums: give a non-empty array of parts, in block order");
    part out;
    std::vector<std::string> items;
    for (const auto& j : parts) {
        part p = read_part(j);
        if (items.empty()) {
            if (p.first != 0)
                throw error(errc::invalid, "block sums: the first part must start at block 0, not " +
                                               std::to_string(p.first));
            out.analysis = p.analysis;
            out.samples = p.samples;
            out.seed = p.seed;
        } else {
            if (p.analysis != out.analysis || p.samples != out.samples || p.seed != out.seed)
                throw error(errc::invalid, "block sums: parts of different runs (analysis, samples or seed)");
            if (p.first != out.last || p.total)
                throw error(errc::invalid, "block sums: part at block " + std::to_string(p.first) +
                                               " does not follow block " + std::to_string(out.last) +
                                               " (parts must be contiguous, in block order)");
        }
        out.last = p.last;
        for (auto& s : p.sums) items.push_back(std::move(s));
    }
    out.total = true;
    if (out.analysis == "smaa")
        out.sums = {fold_acceptability_sums(items)};
    else if (out.analysis == "electorates")
        out.sums = {fold_electorate_sums(items)};
    else
        throw error(errc::invalid, "block sums: unknown analysis '" + out.analysis + "'");
    return write_part(out).dump();
}

namespace analysis_detail {

bool split_key(const std::string& key, const json& v, monte_carlo_options& opt) {
    if (key == "blocks") {
        if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() || !v[1].is_number_unsigned())
            throw error(errc::invalid, "option 'blocks' must be [first, last], two block numbers");
        if (!opt.split) opt.split = std::make_shared<block_split>();
        if (opt.split->total) throw error(errc::invalid, "give option 'blocks' or 'total', not both");
        opt.split->first = v[0].get<std::size_t>();
        opt.split->last = v[1].get<std::size_t>();
        return true;
    }
    if (key == "total") {
        if (!opt.split) opt.split = std::make_shared<block_split>();
        if (opt.split->last) throw error(errc::invalid, "give option 'blocks' or 'total', not both");
        opt.split->total = v.dump(); // checked by check_split once samples and seed are known
        return true;
    }
    return false;
}

void check_split(const monte_carlo_options& opt, const std::string& analysis) {
    if (!opt.split || !opt.split->total) return;
    const part p = read_part(json::parse(*opt.split->total));
    if (!p.total || p.analysis != analysis || p.samples != opt.samples || p.seed != opt.seed ||
        p.last != sample_block_count(opt.samples))
        throw error(errc::invalid,
                    "option 'total' is not the total of every block of this " + analysis +
                        " run (its analysis, samples, seed or blocks differ; fold every part)");
    opt.split->total = p.sums.front();
}

json block_part(const monte_carlo_options& opt, const std::string& analysis) {
    part p;
    p.analysis = analysis;
    p.samples = opt.samples;
    p.seed = opt.seed;
    p.first = opt.split->first;
    p.last = opt.split->last;
    p.sums = opt.split->saved;
    return write_part(p);
}

} // namespace analysis_detail
} // namespace v0
} // namespace accord
