// SNTV, limited and block voting (block.hpp): marks per ballot, the most marked elected.
#include "accord/rules/block.hpp"

#include "accord/detail/options.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {

result block_vote(const profile& p, const block_options& opt, std::string_view method_view) {
    const std::string method(method_view);
    if (p.kind() == ballot_kind::score)
        throw error(errc::unsupported,
                    method + " needs ranking or approval ballots, the profile holds score ballots");
    const std::size_t n = p.candidate_count();
    std::vector<char> active(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) active[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n) throw error(errc::invalid, method + ": excluded candidate index out of range");
        active[c] = 0;
    }
    std::vector<cand_t> cands;
    for (cand_t c = 0; c < n; ++c)
        if (active[c]) cands.push_back(c);
    if (opt.seats < 1) throw error(errc::invalid, method + ": option 'seats' must be >= 1");
    if (opt.seats > cands.size())
        throw error(errc::invalid, method + ": option 'seats' (" + std::to_string(opt.seats) +
                                       ") exceeds the " + std::to_string(cands.size()) +
                                       " candidates standing");
    const std::size_t allowance = opt.votes == 0 ? opt.seats : opt.votes;

    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    tie_breaker tb(opt.tie_break, r);
    std::vector<rational> votes(n, rational(0));
    round_record rec;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        rational w(b.count);
        if (b.weight) w *= *b.weight;
        std::vector<cand_t> marked;
        bool over = false;
        if (p.kind() == ballot_kind::approval) {
            for (const auto& m : b.marks)
                if (active[m.candidate]) marked.push_back(m.candidate);
            over = marked.size() > allowance;
        } else {
            // Ranking ballots: whole ranks from the top while they fit the allowance. A rank that
            // would take the ballot past it marks more candidates than allowed: if it is the
            // first rank the ballot is an overvote; otherwise the marks stop before it.
            for (const auto& tier : tiers_of(p, b)) {
                std::vector<cand_t> in;
                for (cand_t c : tier)
                    if (active[c]) in.push_back(c);
                if (in.empty()) continue;
                if (marked.size() + in.size() > allowance) {
                    over = marked.empty();
                    break;
                }
                marked.insert(marked.end(), in.begin(), in.end());
                if (marked.size() == allowance) break;
            }
        }
        if (over) {
            rec.inactive.overvotes += w;
            continue;
        }
        if (marked.empty()) {
            rec.inactive.blank += w;
            continue;
        }
        for (cand_t c : marked) votes[c] += w;
    }
    rec.tallies.assign(n, std::nullopt);
    for (cand_t c : cands) rec.tallies[c] = votes[c];
    r.scores = rec.tallies;
    r.score_name = "votes (one per marked candidate)";
    std::map<rational, std::vector<cand_t>, std::greater<>> tiers;
    for (cand_t c : cands) tiers[votes[c]].push_back(c);
    for (auto& [v, tier] : tiers) {
        const std::size_t left = opt.seats - r.winners.size();
        if (left == 0) break;
        if (tier.size() <= left) {
            r.winners.insert(r.winners.end(), tier.begin(), tier.end());
            continue;
        }
        auto pool = tier;
        for (std::size_t s = 0; s < left; ++s) {
            auto w = tb.pick_winner(pool, 1, "election: equal votes for the last seat(s)");
            if (!w) {
                r.notes.push_back(
                    "tie for the last seat(s) left unresolved; fewer candidates than seats are elected");
                break;
            }
            r.winners.push_back(*w);
            std::erase(pool, *w);
        }
        break;
    }
    rec.elected = r.winners;
    rec.note = "each ballot marks at most " + std::to_string(allowance) +
               " candidate(s); overvotes count for nobody";
    r.rounds.push_back(std::move(rec));
    // Ranking: the elected in order of election, then the others by votes.
    for (cand_t c : r.winners) r.ranking.push_back({c});
    for (auto& [v, tier] : tiers) {
        std::vector<cand_t> rest;
        for (cand_t c : tier)
            if (std::find(r.winners.begin(), r.winners.end(), c) == r.winners.end()) rest.push_back(c);
        if (!rest.empty()) r.ranking.push_back(rest);
    }
    return r;
}

namespace detail {
namespace {
block_options read_block(option_reader& o, bool read_votes) {
    block_options b;
    o.require("seats", o.method() + ": option 'seats' is required (the number to elect, an integer >= 1)");
    const auto s = o.get<std::int64_t>("seats");
    if (!s || *s < 1) throw error(errc::invalid, o.method() + ": option 'seats' must be an integer >= 1");
    b.seats = static_cast<std::size_t>(*s);
    if (read_votes) {
        o.require("votes", "limited: option 'votes' is required (marks per ballot, 1 <= votes < seats)");
        const auto v = o.get<std::int64_t>("votes");
        if (!v || *v < 1 || static_cast<std::size_t>(*v) >= b.seats)
            throw error(errc::invalid, "limited: option 'votes' must be an integer with 1 <= votes < seats");
        b.votes = static_cast<std::size_t>(*v);
    }
    b.excluded = o.candidates("excluded");
    b.tie_break = o.tie_break(b.tie_break);
    o.finish();
    return b;
}
} // namespace
result run_sntv(const profile& p, option_reader& o) {
    auto b = read_block(o, false);
    b.votes = 1;
    return block_vote(p, b, "sntv");
}
result run_limited(const profile& p, option_reader& o) {
    return block_vote(p, read_block(o, true), "limited");
}
result run_block(const profile& p, option_reader& o) { return block_vote(p, read_block(o, false), "block"); }
} // namespace detail

} // namespace v0
} // namespace accord
