// Top-k primary then instant runoff (alaska.hpp). Definition after Alaska Statutes
// 15.25.010-15.25.100 and 15.15.350 (as amended by Ballot Measure 2, 2020) and VoteKit's Alaska
// election (mggg/VoteKit; m_1 finalists by plurality, then a single-seat count), ported, not
// copied. docs/methods/alaska.md.
#include "accord/rules/alaska.hpp"

#include "accord/rules/pairwise.hpp"
#include "full_rounds.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {
using namespace ranked_detail;

result alaska(const profile& p, const alaska_options& opt) {
    const std::string method = "alaska";
    if (opt.k == 0) throw error(errc::invalid, method + ": option 'k' must be at least 1");
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    rational none;
    const auto firsts = shared_firsts(ballots_of(p, active, method), active, &none);
    // The primary. Ties for the last places in the final are decided by the tie-breaker.
    result primary;
    primary.candidates = p.candidate_names();
    tie_breaker tb(opt.tie_break, primary);
    std::vector<cand_t> finalists;
    bool stopped = false;
    const auto by_firsts = tiers_by_score(cands, firsts);
    for (const auto& tier : by_firsts) {
        if (finalists.size() >= opt.k) break;
        if (finalists.size() + tier.size() <= opt.k) {
            finalists.insert(finalists.end(), tier.begin(), tier.end());
            continue;
        }
        auto order = tb.order(tier, 1, "primary: the last places in the final");
        if (!order) {
            stopped = true;
            break;
        }
        for (cand_t c : *order)
            if (finalists.size() < opt.k) finalists.push_back(c);
    }
    auto rec =
        tally_round(active, firsts, "primary: first choices; the top " + std::to_string(opt.k) + " advance");
    rec.inactive.exhausted_choices = none;
    for (cand_t c : cands)
        if (std::find(finalists.begin(), finalists.end(), c) == finalists.end()) rec.eliminated.push_back(c);
    if (stopped) {
        primary.method = method;
        primary.scores = rec.tallies;
        primary.score_name = "first choices in the primary";
        primary.rounds.push_back(rec);
        primary.ranking = by_firsts;
        primary.notes.push_back("count stopped: a tie for a place in the final was left unresolved");
        return primary;
    }
    // The general election: instant runoff among the finalists.
    irv_options io;
    io.excluded = opt.excluded;
    for (cand_t c : rec.eliminated) io.excluded.push_back(c);
    io.tie_break = opt.tie_break;
    result r = irv(p, io);
    detail::write_rounds_in_full(r); // the primary's round goes in front of IRV's
    r.method = method;
    for (auto& t : r.ties) ++t.round; // the primary is round 1
    r.ties.insert(r.ties.begin(), primary.ties.begin(), primary.ties.end());
    r.complete = r.complete && primary.complete;
    r.rounds.insert(r.rounds.begin(), rec);
    r.scores = rec.tallies;
    r.score_name = "first choices in the primary";
    std::vector<cand_t> out = rec.eliminated;
    for (auto& t : tiers_by_score(out, firsts))
        if (!t.empty()) r.ranking.push_back(t);
    r.notes.insert(r.notes.begin(), "primary: the top " + std::to_string(opt.k) +
                                        " by first choices advance; the general election is instant runoff "
                                        "(irv) among them, from the same rankings");
    return r;
}

namespace detail {
result run_alaska(const profile& p, option_reader& o) {
    alaska_options opt;
    if (auto v = o.get<std::uint64_t>("k", opt.k)) {
        if (*v == 0) throw error(errc::invalid, "alaska: option 'k' must be at least 1");
        opt.k = static_cast<std::size_t>(std::min<std::uint64_t>(*v, 1u << 30));
    }
    opt.excluded = o.candidates("excluded");
    opt.tie_break = o.tie_break(opt.tie_break);
    o.finish();
    return alaska(p, opt);
}
} // namespace detail

} // namespace v0
} // namespace accord
