// The single transferable vote: variant names, the papers and checks every count shares, and the
// dispatch to the counts: Scottish STV, WIGM, Gregory and whole papers (stv_gregory.cpp), Meek
// (stv_meek.cpp) and RCTab's multi-seat rules (stv_rctab.cpp). Arithmetic policies and quotas
// are in stv_arith.hpp.
#include "accord/rules/stv.hpp"

#include "stv_count.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {

const char* stv_variant_name(stv_variant v) noexcept {
    switch (v) {
    case stv_variant::scottish:
        return "scottish";
    case stv_variant::wigm:
        return "wigm";
    case stv_variant::meek:
        return "meek";
    case stv_variant::gregory:
        return "gregory";
    case stv_variant::whole:
        return "whole";
    case stv_variant::rctab:
        return "rctab";
    }
    return "scottish";
}

stv_variant parse_stv_variant(std::string_view n) {
    if (n == "scottish" || n == "scotland") return stv_variant::scottish;
    if (n == "wigm") return stv_variant::wigm;
    if (n == "meek") return stv_variant::meek;
    if (n == "gregory" || n == "ers97") return stv_variant::gregory;
    if (n == "whole") return stv_variant::whole;
    if (n == "rctab") return stv_variant::rctab;
    throw error(errc::invalid, "stv: unknown variant '" + std::string(n) +
                                   "' (scottish, wigm, meek, gregory, whole, rctab)");
}

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

result stv(const profile& p, const stv_options& opt) {
    check_ranking(p);
    for (cand_t c : opt.ballots.excluded)
        if (c >= p.candidate_count())
            throw error(errc::invalid, "stv: excluded candidate index out of range");
    const std::size_t seats = seats_of(p, opt);
    result r;
    switch (opt.variant) {
    case stv_variant::scottish:
        r = stv_gregory(p, opt, 5u);
        break;
    case stv_variant::wigm:
        r = stv_gregory(p, opt, opt.places);
        break;
    case stv_variant::meek:
        r = stv_meek(p, opt, opt.places.value_or(9u));
        break;
    case stv_variant::rctab:
        r = stv_rctab(p, opt);
        break;
    case stv_variant::gregory:
        r = stv_gregory(p, opt, opt.places.value_or(stv_options::k_exact));
        break;
    case stv_variant::whole:
        if (!p.integral())
            throw error(errc::invalid,
                        "stv: the whole variant moves whole papers and needs unweighted ballots");
        r = stv_gregory(p, opt, stv_options::k_exact);
        break;
    }
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
