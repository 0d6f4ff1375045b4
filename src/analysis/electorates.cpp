// Synthetic electorates by model, and Monte Carlo over them (electorates.hpp).
#include "accord/analysis/electorates.hpp"
#include "accord/prepared.hpp"

#include "accord/analysis/generate.hpp"
#include "accord/error.hpp"
#include "accord/registry.hpp"

#include <nlohmann/json.hpp>

#include <bit>
#include <numeric>
#include <span>

namespace accord {
inline namespace v0 {
namespace {

std::size_t voters_of(const electorate_model& m, const profile* source) {
    if (m.voters) return m.voters;
    if (!source) throw error(errc::invalid, "electorate model: 'voters' is required (at least 1)");
    if (source->total_count() > big_int(100000000))
        throw error(errc::invalid,
                    "electorate model: the source has too many voters to resample by default; give 'voters'");
    const auto v = source->total_count().convert_to<std::size_t>();
    if (v == 0) throw error(errc::invalid, "electorate model: the source profile has no voters");
    return v;
}

/// One electorate with the generators' default names (what every sample counts).
profile draw(const electorate_model& m, std::size_t n, std::size_t voters, std::uint64_t seed,
             const profile* source) {
    switch (m.kind) {
    case electorate_kind::impartial_culture:
        return impartial_culture(n, voters, seed);
    case electorate_kind::mallows: {
        if (m.center.empty()) {
            std::vector<cand_t> identity(n);
            std::iota(identity.begin(), identity.end(), cand_t{0});
            return mallows(n, identity, m.phi, voters, seed);
        }
        return mallows(n, m.center, m.phi, voters, seed);
    }
    case electorate_kind::plackett_luce:
        if (m.strengths.size() != n)
            throw error(errc::invalid, "plackett-luce: " + std::to_string(m.strengths.size()) +
                                           " strengths for " + std::to_string(n) +
                                           " candidates; give one per candidate");
        return plackett_luce(m.strengths, voters, seed);
    case electorate_kind::spatial:
        return spatial(n, voters, m.dimensions, seed);
    case electorate_kind::resample:
        if (!source) throw error(errc::invalid, "resample: a source profile is required");
        return resample(*source, voters, seed);
    }
    throw error(errc::invalid, "unknown electorate model");
}

/// The same ballots under other candidate names.
profile renamed(const profile& p, const std::vector<std::string>& names) {
    if (p.candidate_names() == names) return p;
    profile q(names, p.kind());
    q.reserve(p.unique_count(), p.flat_marks().size());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        q.add(b.marks, b.count, b.weight ? *b.weight : rational(1));
    }
    return q;
}

std::optional<cand_t> first_winner(const result& r) {
    if (r.winners.empty()) return std::nullopt;
    return r.winners.front();
}

struct block_totals {
    std::vector<acceptability_sums> rules;
    std::vector<double> differs; // k
    std::vector<double> agree;   // k x k

    void merge(const block_totals& t) {
        for (std::size_t r = 0; r < rules.size(); ++r) {
            rules[r].merge(t.rules[r]);
            differs[r] += t.differs[r];
        }
        for (std::size_t x = 0; x < agree.size(); ++x) agree[x] += t.agree[x];
    }
    // Exact text for a split run (doubles by their bits), as acceptability_sums::save().
    std::string save() const {
        nlohmann::json j;
        j["rules"] = nlohmann::json::array();
        for (const auto& r : rules) j["rules"].push_back(r.save());
        j["differs"] = nlohmann::json::array();
        for (double x : differs) j["differs"].push_back(std::bit_cast<std::uint64_t>(x));
        j["agree"] = nlohmann::json::array();
        for (double x : agree) j["agree"].push_back(std::bit_cast<std::uint64_t>(x));
        return j.dump();
    }
    static block_totals load(std::string_view text) {
        try {
            const auto j = nlohmann::json::parse(text);
            block_totals t;
            for (const auto& r : j.at("rules"))
                t.rules.push_back(acceptability_sums::load(r.get<std::string>()));
            for (const auto& x : j.at("differs"))
                t.differs.push_back(std::bit_cast<double>(x.get<std::uint64_t>()));
            for (const auto& x : j.at("agree"))
                t.agree.push_back(std::bit_cast<double>(x.get<std::uint64_t>()));
            const std::size_t k = t.rules.size();
            if (t.differs.size() != k || t.agree.size() != k * k)
                throw error(errc::invalid, "block sums: not the sums of an electorates block");
            return t;
        } catch (const nlohmann::json::exception& e) {
            throw error(errc::invalid,
                        std::string("block sums: not the sums of an electorates block: ") + e.what());
        }
    }
};

} // namespace

electorate_kind parse_electorate_kind(std::string_view name) {
    if (name == "impartial-culture" || name == "impartial_culture" || name == "ic")
        return electorate_kind::impartial_culture;
    if (name == "mallows") return electorate_kind::mallows;
    if (name == "plackett-luce" || name == "plackett_luce") return electorate_kind::plackett_luce;
    if (name == "spatial") return electorate_kind::spatial;
    if (name == "resample" || name == "bootstrap") return electorate_kind::resample;
    throw error(errc::invalid, "unknown electorate model '" + std::string(name) +
                                   "' (impartial-culture, mallows, plackett-luce, spatial, resample)");
}

const char* electorate_kind_name(electorate_kind k) noexcept {
    switch (k) {
    case electorate_kind::impartial_culture:
        return "impartial-culture";
    case electorate_kind::mallows:
        return "mallows";
    case electorate_kind::plackett_luce:
        return "plackett-luce";
    case electorate_kind::spatial:
        return "spatial";
    case electorate_kind::resample:
        return "resample";
    }
    return "impartial-culture";
}

std::vector<std::string> electorate_names(const electorate_model& m, const profile* source) {
    if (m.kind == electorate_kind::resample && !source)
        throw error(errc::invalid,
                    "resample: a source profile is required (the ballots whose voters are drawn)");
    std::vector<std::string> names;
    if (!m.names.empty())
        names = m.names;
    else if (source)
        names = source->candidate_names();
    else if (m.candidates)
        names = default_candidate_names(m.candidates);
    else if (!m.strengths.empty())
        names = default_candidate_names(m.strengths.size());
    else if (!m.center.empty())
        names = default_candidate_names(m.center.size());
    else
        throw error(errc::invalid, "electorate model: 'candidates' is required (at least 1)");
    if (m.candidates && m.candidates != names.size())
        throw error(errc::invalid, "electorate model: 'candidates' is " + std::to_string(m.candidates) +
                                       " but " + std::to_string(names.size()) + " candidate names are given");
    if (m.kind == electorate_kind::resample && source && names != source->candidate_names())
        throw error(errc::invalid,
                    "resample: the electorates keep the source's candidates; do not rename them");
    if (names.empty()) throw error(errc::invalid, "electorate model: no candidates");
    return names;
}

profile generate(const electorate_model& m, std::uint64_t seed, const profile* source) {
    const auto names = electorate_names(m, source);
    return renamed(draw(m, names.size(), voters_of(m, source), seed, source), names);
}

electorate_result electorate_monte_carlo(const electorate_options& opt, const profile* reference) {
    const electorate_model& m = opt.model;
    if (opt.rules.empty()) throw error(errc::invalid, "electorates: no rules to count with");
    if (opt.monte_carlo.samples == 0) throw error(errc::invalid, "electorates: samples must be at least 1");
    electorate_result out;
    out.candidates = electorate_names(m, reference);
    out.rules = opt.rules;
    const std::size_t n = out.candidates.size(), k = opt.rules.size(), voters = voters_of(m, reference);
    // Validate the model (and the rules on one electorate) before starting threads.
    const profile probe = draw(m, n, voters, 0, reference);
    // Each rule prepared once (options parsed once, and checked on the probe electorate).
    std::vector<prepared_count> counters;
    for (const auto& rule : opt.rules) counters.push_back(prepare(rule, opt.rule_options, probe));

    for (const auto& rule : opt.rules) {
        if (!reference) {
            out.reference_winner.emplace_back();
            continue;
        }
        if (reference->candidate_count() != n)
            throw error(errc::invalid, "electorates: the reference profile has " +
                                           std::to_string(reference->candidate_count()) +
                                           " candidates, the model " + std::to_string(n));
        out.reference_winner.push_back(first_winner(run(*reference, rule, opt.rule_options)));
    }

    // Blocks are added in block order as they finish: the same numbers whatever the number of
    // threads, with a bounded number of blocks' tables alive whatever the number of samples.
    auto zero = [&] {
        return block_totals{std::vector<acceptability_sums>(k, acceptability_sums(n)),
                            std::vector<double>(k, 0.0), std::vector<double>(k * k, 0.0)};
    };
    ordered_reduction<block_totals> totals(
        zero(), [](block_totals& sum, const block_totals& t) { sum.merge(t); },
        reduction_window(opt.monte_carlo));
    totals.use_split(
        opt.monte_carlo.split, [](const block_totals& t) { return t.save(); },
        [&](std::string_view text) {
            block_totals t = block_totals::load(text);
            if (t.rules.size() != k || (k && t.rules[0].candidates() != n))
                throw error(errc::invalid,
                            "electorates: option 'total' holds the sums of other rules or candidates");
            return t;
        });
    run_sample_blocks(opt.monte_carlo, [&](std::size_t b, std::size_t first, std::size_t last,
                                           const std::atomic<bool>& stop) {
        totals.run(b, stop, [&] {
            block_totals t = zero();
            std::vector<std::optional<cand_t>> winners(k);
            for (std::size_t i = first; i < last && !stop.load(); ++i) {
                const profile e = draw(m, n, voters, sample_seed(opt.monte_carlo.seed, i), reference);
                for (std::size_t r = 0; r < k; ++r) {
                    const result count = counters[r].count(e);
                    t.rules[r].add(count, {});
                    winners[r] = first_winner(count);
                    if (reference && winners[r] != out.reference_winner[r]) t.differs[r] += 1;
                }
                for (std::size_t a = 0; a < k; ++a)
                    for (std::size_t c = 0; c < k; ++c)
                        if (winners[a] == winners[c]) t.agree[a * k + c] += 1;
            }
            return t;
        });
    });
    const auto& sums = totals.total().rules;
    const auto& differs = totals.total().differs;
    const auto& agree = totals.total().agree;
    const double N = static_cast<double>(opt.monte_carlo.samples);
    for (std::size_t r = 0; r < k; ++r) {
        out.by_rule.push_back(sums[r].finish(opt.monte_carlo.samples));
        if (reference) out.differs_from_reference.push_back(differs[r] / N);
    }
    out.agreement.assign(k, std::vector<double>(k, 0.0));
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t c = 0; c < k; ++c) out.agreement[a][c] = agree[a * k + c] / N;
    return out;
}

std::string fold_electorate_sums(std::span<const std::string> items) {
    if (items.empty()) throw error(errc::invalid, "electorates: no block sums to add");
    block_totals total = block_totals::load(items.front());
    total = block_totals{
        std::vector<acceptability_sums>(
            total.rules.size(), acceptability_sums(total.rules.empty() ? 0 : total.rules[0].candidates())),
        std::vector<double>(total.differs.size(), 0.0), std::vector<double>(total.agree.size(), 0.0)};
    for (const auto& x : items) {
        const block_totals t = block_totals::load(x);
        if (t.rules.size() != total.rules.size() ||
            (!t.rules.empty() && t.rules[0].candidates() != total.rules[0].candidates()))
            throw error(errc::invalid, "electorates: block sums of other rules or candidates");
        total.merge(t); // from zero, in block order: the additions one process makes
    }
    return total.save();
}

} // namespace v0
} // namespace accord
