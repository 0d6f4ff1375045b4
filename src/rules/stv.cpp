// The single transferable vote: variant names, the papers and checks every count shares, and the
// dispatch to the counts: Scottish STV, WIGM, Gregory and whole papers (stv_gregory.cpp), Meek
// (stv_meek.cpp), RCTab's multi-seat rules (stv_rctab.cpp), random transfer (stv_random.cpp),
// CPO-STV (stv_cpo.cpp) and sequential STV (stv_sequential.cpp). Arithmetic policies and quotas
// are in accord/rules/stv_arith.hpp.
#include "accord/rules/stv.hpp"

#include "accord/detail/stv_variants.hpp"

#include "stv_count.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {

stv_variant parse_stv_variant(std::string_view n) {
    for (const auto& v : stv_variant_table()) {
        if (n == v.name) return v.id;
        const std::string_view aliases = v.aliases;
        for (std::size_t at = 0; at < aliases.size();) {
            const std::size_t space = std::min(aliases.find(' ', at), aliases.size());
            if (aliases.substr(at, space - at) == n) return v.id;
            at = space + 1;
        }
    }
    throw error(errc::invalid, "stv: unknown variant '" + std::string(n) + "' (" + stv_variant_names() + ")");
}

std::string stv_variant_names() {
    std::string out;
    for (const auto& v : stv_variant_table()) out += (out.empty() ? "" : ", ") + std::string(v.name);
    return out;
}

const stv_variant_info& stv_variant_of(stv_variant v) noexcept {
    for (const auto& e : stv_variant_table())
        if (e.id == v) return e;
    return stv_variant_table().front();
}

const char* stv_variant_name(stv_variant v) noexcept { return stv_variant_of(v).name; }

namespace stv_detail {

papers strict_papers(const profile& p, const stv_options& opt) {
    // One pass over the flat marks (sorted by rank), without allocating per ballot: a rank
    // holding one countable candidate not seen before extends the paper; an overvote mark, a
    // repeat, withdrawn and excluded candidates are dropped, as tiers_of() does.
    papers out;
    const std::size_t n = p.candidate_count();
    std::vector<char> skip(n, 0);
    for (cand_t c = 0; c < n; ++c) skip[c] = p.withdrawn(c) ? 1 : 0;
    std::vector<char> ignore = skip; // withdrawn: gone from the ballot (not an equal ranking)
    for (cand_t c : opt.ballots.excluded) skip.at(c) = 1;
    std::vector<std::uint32_t> seen(n, 0);
    std::uint32_t stamp = 0;
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    const auto counts = p.counts();
    out.seq.reserve(marks.size());
    out.count.reserve(p.unique_count());
    const bool weighted = !p.integral();
    if (weighted) out.weights.reserve(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        ++stamp;
        std::uint32_t j = off[i];
        const std::uint32_t end = off[i + 1];
        while (j < end) {
            const std::int32_t r = marks[j].value;
            cand_t only = k_overvote;
            std::size_t in = 0;
            for (; j < end && marks[j].value == r; ++j) {
                const cand_t c = marks[j].candidate;
                if (c == k_overvote || ignore[c] || seen[c] == stamp) continue;
                seen[c] = stamp;
                if (skip[c]) continue;
                only = c;
                ++in;
            }
            if (in == 0) continue;
            if (in > 1) {
                if (opt.ballots.overvotes == overvote_rule::skip_to_next) continue;
                break;
            }
            out.seq.push_back(only);
        }
        out.off.push_back(static_cast<std::uint32_t>(out.seq.size()));
        out.count.push_back(counts[i]);
        if (weighted) {
            const auto* w = p.ballot(i).weight;
            out.weights.push_back(w ? *w : rational(1));
        }
    }
    return out;
}

std::size_t seats_of(const profile& p, const stv_options& opt) {
    const std::size_t s = opt.seats ? opt.seats : p.seats;
    if (s == 0) throw error(errc::invalid, "stv: seats must be at least 1");
    // More seats than candidates cannot be filled, and a huge count made the quota divide by
    // seats + 1 == 0 (issue 14: SIGFPE in meek and rctab, "Division by zero." elsewhere).
    if (s > p.candidate_count())
        throw error(errc::invalid, "stv: option 'seats' (" + std::to_string(s) +
                                       ") must be at most the number of candidates (" +
                                       std::to_string(p.candidate_count()) + ")");
    return s;
}

/// RCTab's bottomsUpUsingPercentageThreshold: the threshold, not a seat count, decides.
bool by_percentage(const stv_options& opt) {
    return opt.variant == stv_variant::rctab && opt.mode == rctab_mode::bottoms_up &&
           opt.bottoms_up_threshold > 0;
}

void check_ranking(const profile& p) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, std::string("stv needs ranking ballots, the profile holds ") +
                                           ballot_kind_name(p.kind()) + " ballots");
}

void finish_ranking(result& res, const std::vector<cand_t>& defeated_order, const std::vector<cstate>& st) {
    for (cand_t c : res.winners) res.ranking.push_back({c});
    for (auto it = defeated_order.rbegin(); it != defeated_order.rend(); ++it) res.ranking.push_back({*it});
    for (cand_t c = 0; c < st.size(); ++c)
        if (st[c] == cstate::hopeful) res.ranking.push_back({c});
}

} // namespace stv_detail

result stv_rctab(const profile& p, const stv_options& opt); // stv_rctab.cpp

using namespace stv_detail;

std::span<const stv_variant_info> stv_variant_table() noexcept {
    // stv() passes `quota` down when not given; `places` is read by each count below.
    static constexpr stv_variant_info table[] = {
        {stv_variant::scottish, "scottish", "scotland",
         "Scottish STV (2007 Order): weighted inclusive Gregory, 5 decimal places", stv_quota::droop, 5u,
         "zero_surplus_stage", "docs/methods/stv.md#scottish",
         [](const profile& p, const stv_options& o) { return stv_gregory(p, o, 5u); }},
        {stv_variant::wigm, "wigm", "", "weighted inclusive Gregory method, exact by default",
         stv_quota::droop_exact, stv_options::k_exact, "quota arithmetic defeat_zero_batch",
         "docs/methods/stv.md#wigm",
         [](const profile& p, const stv_options& o) { return stv_gregory(p, o, o.places); }},
        {stv_variant::meek, "meek", "", "Meek's method, 9 decimal places by default", std::nullopt, 9u,
         "arithmetic omega batch_defeat nz", "docs/methods/stv.md#meek",
         [](const profile& p, const stv_options& o) { return stv_meek(p, o, o.places.value_or(9u)); }},
        {stv_variant::gregory, "gregory", "ers97", "last-parcel Gregory (ERS97 style), exact by default",
         stv_quota::droop, stv_options::k_exact, "quota arithmetic", "docs/methods/stv.md#gregory",
         [](const profile& p, const stv_options& o) {
             return stv_gregory(p, o, o.places.value_or(stv_options::k_exact));
         }},
        {stv_variant::whole, "whole", "", "whole-paper transfers (Irish / Cincinnati style), exact",
         stv_quota::droop, stv_options::k_exact, "quota", "docs/methods/stv.md#whole",
         [](const profile& p, const stv_options& o) {
             if (!p.integral())
                 throw error(errc::invalid,
                             "stv: the whole variant moves whole papers and needs unweighted ballots");
             return stv_gregory(p, o, stv_options::k_exact);
         }},
        {stv_variant::rctab, "rctab", "", "RCTab's multi-seat rules (decimals places, truncated)",
         stv_quota::droop, 4u,
         "quota mode decimals fractional_threshold bottoms_up_threshold first_round_threshold "
         "cutoff_elimination max_skipped_ranks "
         "exhaust_on_duplicate max_rankings undeclared_write_in batch_elimination continue_until_two",
         "docs/methods/stv.md#rctab", stv_rctab},
        {stv_variant::warren, "warren", "",
         "Warren's method (Meek with keep values), 9 decimal places by default", std::nullopt, 9u,
         "arithmetic omega batch_defeat", "docs/methods/stv.md#warren",
         [](const profile& p, const stv_options& o) { return stv_meek(p, o, o.places.value_or(9u)); }},
        {stv_variant::random_transfer, "random-transfer", "cincinnati",
         "random-transfer STV: whole papers in a seeded order, Cincinnati surplus method", stv_quota::droop,
         stv_options::k_exact, "min_votes", "docs/methods/stv.md#random-transfer", stv_random},
        {stv_variant::cpo, "cpo-stv", "cpo",
         "CPO-STV (Tideman): every pair of possible outcomes compared, the outcome beating all others "
         "(else Schulze), exact",
         stv_quota::droop_exact, stv_options::k_exact,
         "quota omega transfer completion fixed_quota max_outcomes", "docs/methods/stv.md#cpo-stv", stv_cpo},
        {stv_variant::sequential, "sequential-stv", "sequential",
         "Sequential STV (Hill): Meek counts of the probables against each challenger in turn", std::nullopt,
         9u, "arithmetic omega batch_defeat max_challenges", "docs/methods/stv.md#sequential-stv",
         stv_sequential},
    };
    return table;
}

stv_preset parse_stv_preset(std::string_view name) {
    if (name == "minneapolis") return stv_preset::minneapolis;
    if (name == "san-francisco") return stv_preset::san_francisco;
    if (name == "cambridge") return stv_preset::cambridge;
    throw error(errc::invalid,
                "stv: unknown preset '" + std::string(name) + "' (minneapolis, san-francisco, cambridge)");
}

const char* stv_preset_name(stv_preset preset) noexcept {
    switch (preset) {
    case stv_preset::minneapolis:
        return "minneapolis";
    case stv_preset::san_francisco:
        return "san-francisco";
    case stv_preset::cambridge:
        return "cambridge";
    }
    return "?";
}

stv_options stv_preset_options(stv_preset preset, std::size_t seats) {
    stv_options o;
    o.variant = stv_variant::rctab;
    o.quota = stv_quota::droop;
    o.decimals = 4;
    // One seat: RCTab's singleWinnerMajority, which is IRV (a majority of the continuing votes),
    // here as RCTab's multiPassIrv with one pass.
    o.mode = seats <= 1 ? rctab_mode::sequential : rctab_mode::multiple_per_round;
    o.ballots.exhaust_on_duplicate = false;          // a repeated candidate counts at its first ranking
    o.ballots.tie_break.policy = tie_policy::random; // by lot
    switch (preset) {
    case stv_preset::minneapolis:
        // Overvotes skipped to the next ranking; one seat: a ballot exhausted after two
        // consecutive skipped rankings, mathematically eliminated candidates dropped together
        // (RCTab's "Minneapolis Rules" for the 2017 mayor); several seats: up to two skipped
        // rankings passed over, no batch elimination (its 2013 Park Board configuration).
        o.ballots.overvotes = overvote_rule::skip_to_next;
        o.ballots.max_skipped_ranks = seats <= 1 ? 1 : 2;
        o.ballots.batch_elimination = seats <= 1;
        break;
    case stv_preset::san_francisco:
        if (seats > 1)
            throw error(errc::invalid, "stv: preset 'san-francisco' elects one candidate (Charter "
                                       "Sec. 13.102), not " +
                                           std::to_string(seats));
        // Sec. 13.102: a ballot ranking several candidates equally is exhausted there; a
        // skipped ranking passes to the next; the lowest candidates whose votes together are
        // fewer than the next one's are eliminated simultaneously.
        o.ballots.overvotes = overvote_rule::exhaust_immediately;
        o.ballots.batch_elimination = true;
        break;
    case stv_preset::cambridge:
        // 54A Sec. 9: whole ballots, the Cincinnati method (Sec. 16(b)); candidates with fewer
        // ballots than the 50 signatures of a nomination defeated after the first count (9(g));
        // ties by the standing at the last transfer, then earlier ones, then by lot (9(k)).
        o = stv_options{};
        o.variant = stv_variant::random_transfer;
        o.min_votes = 50;
        o.ballots.overvotes = overvote_rule::exhaust_immediately;
        o.ballots.tie_break.policy = tie_policy::previous_rounds;
        o.ballots.tie_break.fallback = tie_policy::random;
        break;
    }
    return o;
}

result stv(const profile& p, const stv_options& opt) {
    check_ranking(p);
    for (cand_t c : opt.ballots.excluded)
        if (c >= p.candidate_count())
            throw error(errc::invalid, "stv: excluded candidate index out of range");
    const stv_variant_info& variant = stv_variant_of(opt.variant);
    stv_options o = opt;
    if (!o.quota) o.quota = variant.quota; // the table holds each variant's default
    if (by_percentage(opt)) {
        // RCTab's bottomsUpUsingPercentageThreshold sets numberOfWinners to 0: everyone left
        // when all pass the threshold is elected. A seat count would be ignored, so it is refused.
        if (opt.seats != 0)
            throw error(errc::invalid,
                        "stv: option 'seats' is not used with a bottoms_up_threshold: the threshold "
                        "decides how many are elected (RCTab's bottomsUpUsingPercentageThreshold); "
                        "leave 'seats' out");
        result r = variant.count(p, o);
        if (p.seats != 1)
            r.notes.push_back("the file declares " + std::to_string(p.seats) +
                              " seats; bottoms_up_threshold decides how many are elected instead");
        r.method = "stv";
        return r;
    }
    if (opt.first_round_threshold || opt.cutoff_elimination)
        throw error(errc::invalid,
                    std::string("stv: option '") +
                        (opt.first_round_threshold ? "first_round_threshold" : "cutoff_elimination") +
                        "' is used only by the rctab variant's mode bottoms-up with a bottoms_up_threshold");
    if (opt.bottoms_up_threshold != 0 &&
        (opt.variant != stv_variant::rctab || opt.mode != rctab_mode::bottoms_up))
        throw error(errc::invalid, "stv: option 'bottoms_up_threshold' is used only by the rctab "
                                   "variant's mode bottoms-up");
    if (opt.guard != 0 && opt.variant != stv_variant::meek && opt.variant != stv_variant::warren &&
        opt.variant != stv_variant::sequential)
        throw error(errc::invalid, std::string("stv: guarded arithmetic is used only by the meek, warren and "
                                               "sequential-stv variants, not by ") +
                                       variant.name);
    const std::size_t seats = seats_of(p, opt);
    result r = variant.count(p, o);
    // Every variant fills at most the seats; more winners would be a defect of the count, never
    // an answer (a Hare quota of 0 once elected every candidate).
    if (r.winners.size() > seats)
        throw error(errc::error, "stv: internal error: " + std::to_string(r.winners.size()) +
                                     " candidates elected to " + std::to_string(seats) + " seats");
    r.method = "stv";
    return r;
}

} // namespace v0
} // namespace accord
