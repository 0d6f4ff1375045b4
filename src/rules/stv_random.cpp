// Random-transfer STV (variant random-transfer, alias cincinnati): whole papers in a seeded random
// order, surpluses moved by the Cincinnati method (every n-th paper), as Cambridge, Massachusetts
// counts under Mass. General Laws Chapter 54A Sec. 9 (docs/methods/stv.md#random-transfer).
//
// The only random step is the order of the papers, a Fisher-Yates shuffle drawn from
// std::mt19937_64 seeded with the tie-break seed (uniform draws by rejection, as every tie-break
// draw): the seed is in the Result, and every later step is fixed by it, so the count replays.
#include "stv_count.hpp"

#include <algorithm>
#include <random>

namespace accord {
inline namespace v0 {
namespace stv_detail {
namespace {

// Refused above this many papers: each paper is held on its own (4 bytes of order, 4 of
// position) and moved on its own, as the rule moves them.
constexpr std::uint64_t k_max_papers = 50'000'000;

class random_count : count_base {
  public:
    random_count(const profile& p, const stv_options& opt) : count_base(p, opt) {
        if (!p.integral())
            throw error(errc::invalid, "stv: the random-transfer variant moves whole papers and needs "
                                       "unweighted ballots");
        pile_.resize(n_);
    }

    result run() {
        // The papers, one by one, in a seeded random order.
        std::uint64_t total = 0;
        for (auto c : pp_.count) total += c;
        if (total > k_max_papers)
            throw error(errc::unsupported, "stv: the random-transfer variant holds every paper on its own; "
                                           "at most " +
                                               std::to_string(k_max_papers) + " papers, this profile has " +
                                               std::to_string(total));
        group_.reserve(total);
        for (std::size_t g = 0; g < pp_.count.size(); ++g)
            for (std::uint64_t k = 0; k < pp_.count[g]; ++k) group_.push_back(static_cast<std::uint32_t>(g));
        const std::uint64_t seed = opt_.ballots.tie_break.seed;
        std::mt19937_64 rng(seed);
        for (std::size_t i = group_.size(); i > 1; --i)
            std::swap(group_[i - 1], group_[detail::uniform_below(rng, i)]);
        pos_.resize(group_.size());
        for (std::size_t i = 0; i < group_.size(); ++i) pos_[i] = pp_.off[group_[i]];
        res_.notes.push_back("variant random-transfer: " + std::to_string(total) +
                             " papers in a random order drawn with seed " + std::to_string(seed) +
                             " (Fisher-Yates, std::mt19937_64, uniform draws by rejection); "
                             "surpluses by the Cincinnati method");

        // First count: every paper to its first choice (54A Sec. 9(b), (d)).
        std::uint64_t valid = 0;
        for (std::uint32_t i = 0; i < group_.size(); ++i)
            if (place(i, false)) ++valid;
        const std::uint64_t blank = total - valid;
        exhausted_ = 0;                    // a blank paper is invalid (9(a)), not exhausted
        quota_ = valid / (seats_ + 1) + 1; // 9(c)
        res_.notes.push_back("quota " + std::to_string(quota_) + " = floor(" + std::to_string(valid) +
                             " valid papers / " + std::to_string(seats_ + 1) + ") + 1" +
                             (blank ? "; " + std::to_string(blank) + " blank papers set aside" : ""));
        round_record first = snapshot("first choices");
        first.elected = elect_reaching();
        res_.rounds.push_back(std::move(first));

        // Surpluses of the first count, the largest first, by the Cincinnati method.
        while (seats_filled() < seats_) {
            std::vector<cand_t> with;
            std::uint64_t top = 0;
            for (cand_t c = 0; c < n_; ++c)
                if (st_[c] == cstate::elected && pile_[c].size() > quota_ && !done_surplus(c)) {
                    const std::uint64_t s = pile_[c].size() - quota_;
                    if (s > top) {
                        with.clear();
                        top = s;
                    }
                    if (s == top) with.push_back(c);
                }
            if (with.empty()) break;
            std::optional<cand_t> c = with.front();
            if (with.size() > 1)
                c = tb_.pick_winner(with, res_.rounds.size() + 1, "surplus order", res_.rounds);
            if (!c) return stop();
            transfer_surplus(*c);
        }

        // Candidates with fewer votes than the nomination signatures are defeated together
        // (9(g)), as long as enough continue to fill the seats.
        if (opt_.min_votes > 0 && seats_filled() < seats_) {
            std::vector<cand_t> below;
            for (cand_t c = 0; c < n_; ++c)
                if (st_[c] == cstate::hopeful && pile_[c].size() < opt_.min_votes) below.push_back(c);
            if (!below.empty() && count_state(cstate::hopeful) - below.size() >= seats_ - seats_filled()) {
                for (cand_t c : below) st_[c] = cstate::defeated;
                round_record r =
                    move_piles(below, "candidates with fewer than " + std::to_string(opt_.min_votes) +
                                          " votes defeated together");
                r.eliminated = below;
                for (cand_t c : below) defeated_.push_back(c);
                res_.rounds.push_back(std::move(r));
            } else if (!below.empty()) {
                res_.notes.push_back("min_votes: defeating every candidate below it would leave fewer "
                                     "continuing candidates than seats; none defeated by it");
            }
        }

        // Exclusions, one at a time (9(i), (j)), until the seats are filled (9(l)).
        while (seats_filled() < seats_) {
            auto hope = in_state(cstate::hopeful);
            if (hope.size() <= seats_ - seats_filled()) {
                for (cand_t c : hope) elect(c);
                res_.rounds.back().elected.insert(res_.rounds.back().elected.end(), hope.begin(), hope.end());
                res_.rounds.back().note += "; the continuing candidates fill the remaining seats (9(l))";
                break;
            }
            std::size_t low = pile_[hope.front()].size();
            for (cand_t c : hope) low = std::min(low, pile_[c].size());
            std::vector<cand_t> tied;
            for (cand_t c : hope)
                if (pile_[c].size() == low) tied.push_back(c);
            std::optional<cand_t> loser = tied.front();
            if (tied.size() > 1)
                loser = tb_.pick_loser(tied, res_.rounds.size() + 1, "exclusion", res_.rounds);
            if (!loser) return stop();
            st_[*loser] = cstate::defeated;
            defeated_.push_back(*loser);
            round_record r = move_piles({*loser}, "exclusion of " + p_.candidate_name(*loser));
            r.eliminated = {*loser};
            res_.rounds.push_back(std::move(r));
        }
        for (cand_t c : in_state(cstate::hopeful)) {
            st_[c] = cstate::defeated; // 9(l): the rest are defeated when the seats are filled
            defeated_.push_back(c);
        }
        finish_ranking(res_, defeated_, st_);
        res_.scores = res_.rounds.front().tallies;
        res_.score_name = "first choices";
        return std::move(res_);
    }

  private:
    std::size_t seats_filled() const { return res_.winners.size(); }
    bool done_surplus(cand_t c) const {
        return std::find(surplus_done_.begin(), surplus_done_.end(), c) != surplus_done_.end();
    }

    void elect(cand_t c) {
        st_[c] = cstate::elected;
        res_.winners.push_back(c);
    }

    // Paper i's next continuing choice (from its current position, or after it), if any. Only
    // hopeful candidates continue: one who reached the quota is elected at once and is credited
    // with no paper beyond it (9(c)).
    std::optional<cand_t> next_choice(std::uint32_t i, bool after_current) const {
        std::uint32_t j = pos_[i] + (after_current ? 1 : 0);
        const std::uint32_t end = pp_.off[group_[i] + 1];
        for (; j < end; ++j)
            if (st_[pp_.seq[j]] == cstate::hopeful) return pp_.seq[j];
        return std::nullopt;
    }
    // Puts paper i with its next continuing choice; false (and counted exhausted) when none.
    bool place(std::uint32_t i, bool after_current) {
        std::uint32_t j = pos_[i] + (after_current ? 1 : 0);
        const std::uint32_t end = pp_.off[group_[i] + 1];
        for (; j < end; ++j)
            if (st_[pp_.seq[j]] == cstate::hopeful) break;
        pos_[i] = j;
        if (j == end) {
            ++exhausted_;
            return false;
        }
        pile_[pp_.seq[j]].push_back(i);
        return true;
    }

    // Those hopeful with the quota, elected in order of votes (equal votes: candidate order).
    std::vector<cand_t> elect_reaching() {
        std::vector<cand_t> v;
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful && pile_[c].size() >= quota_) v.push_back(c);
        std::stable_sort(v.begin(), v.end(),
                         [&](cand_t a, cand_t b) { return pile_[a].size() > pile_[b].size(); });
        for (cand_t c : v) elect(c);
        return v;
    }

    // Moves paper i on from its current candidate; a candidate reaching the quota on it is elected
    // at once and receives no more (9(c)). Records the movement.
    void move_on(std::uint32_t i, std::vector<cand_t>& elected, std::vector<std::uint64_t>& to_count,
                 std::uint64_t& exhausted) {
        if (!place(i, true)) {
            ++exhausted;
            return;
        }
        const cand_t c = pp_.seq[pos_[i]];
        ++to_count[c];
        if (pile_[c].size() >= quota_) {
            elect(c);
            elected.push_back(c);
        }
    }

    // Every paper of the candidates in `from`, in the order each received them, to its next
    // continuing choice.
    round_record move_piles(const std::vector<cand_t>& from, const std::string& note) {
        std::vector<cand_t> elected;
        round_record r;
        for (cand_t f : from) {
            std::vector<std::uint64_t> to(n_, 0);
            std::uint64_t ex = 0;
            std::vector<std::uint32_t> papers;
            papers.swap(pile_[f]);
            for (std::uint32_t i : papers) move_on(i, elected, to, ex);
            add_transfers(r, f, to, ex);
        }
        finish(r, note, elected);
        return r;
    }

    // The Cincinnati method: with T papers and a surplus S, n = T / S to the nearest whole
    // number; papers n, 2n, 3n, ... of the pile (in the order received) move to their next
    // continuing choice, a paper with none staying; then n + 1, 2n + 1, ..., until S have moved.
    void transfer_surplus(cand_t c) {
        surplus_done_.push_back(c);
        auto& pile = pile_[c];
        const std::uint64_t t = pile.size(), s = t - quota_;
        const std::uint64_t n = std::max<std::uint64_t>(1, (2 * t + s) / (2 * s));
        std::vector<char> gone(t, 0);
        std::vector<cand_t> elected;
        std::vector<std::uint64_t> to(n_, 0);
        std::uint64_t moved = 0, ex_unused = 0, skipped = 0;
        std::string passes;
        for (std::uint64_t offset = 0; offset < n && moved < s; ++offset) {
            std::uint64_t pass_moved = 0;
            for (std::uint64_t k = n + offset; k <= t && moved < s; k += n) {
                const std::uint32_t i = pile[k - 1];
                if (gone[k - 1]) continue;
                if (!next_choice(i, true)) {
                    ++skipped;
                    continue; // no continuing choice: it stays (and counts towards the quota)
                }
                gone[k - 1] = 1;
                move_on(i, elected, to, ex_unused);
                ++moved;
                ++pass_moved;
            }
            passes += (passes.empty() ? "" : ", ") + std::to_string(pass_moved) + " from paper " +
                      std::to_string(n + offset);
        }
        std::vector<std::uint32_t> kept;
        for (std::uint64_t k = 0; k < t; ++k)
            if (!gone[k]) kept.push_back(pile[k]);
        pile.swap(kept);
        round_record r;
        add_transfers(r, c, to, 0);
        r.transfer_value = rational(big_int(moved), big_int(t));
        finish(r,
               "surplus of " + p_.candidate_name(c) + ": " + std::to_string(s) + " of " + std::to_string(t) +
                   " papers, every n-th with n = " + std::to_string(n) + " (" + passes + "); " +
                   std::to_string(moved) + " moved" +
                   (moved < s ? ", the rest of the surplus has no continuing choice and stays" : ""),
               elected);
        res_.rounds.push_back(std::move(r));
    }

    void add_transfers(round_record& r, cand_t from, const std::vector<std::uint64_t>& to, std::uint64_t ex) {
        for (cand_t c = 0; c < n_; ++c)
            if (to[c]) r.transfers.push_back({from, c, rational(to[c])});
        if (ex) r.transfers.push_back({from, k_exhausted, rational(ex)});
    }

    void finish(round_record& r, const std::string& note, const std::vector<cand_t>& elected) {
        const round_record s = snapshot(note);
        r.tallies = s.tallies;
        r.threshold = s.threshold;
        r.inactive = s.inactive;
        r.note = s.note;
        r.elected = elected;
    }

    round_record snapshot(const std::string& note) const {
        round_record r;
        r.tallies.assign(n_, std::nullopt);
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful || st_[c] == cstate::elected)
                r.tallies[c] = rational(pile_[c].size());
        r.threshold = rational(quota_);
        r.inactive.exhausted_choices = rational(exhausted_);
        r.note = note;
        return r;
    }

    result stop() {
        res_.notes.push_back("count stopped: a tie was left unresolved (tie_break report)");
        finish_ranking(res_, defeated_, st_);
        return std::move(res_);
    }

    std::vector<std::uint32_t> group_, pos_;
    std::vector<std::vector<std::uint32_t>> pile_;
    std::vector<cand_t> defeated_, surplus_done_;
    std::uint64_t quota_ = 0, exhausted_ = 0;
};

} // namespace

result stv_random(const profile& p, const stv_options& opt) { return random_count(p, opt).run(); }

} // namespace stv_detail
} // namespace v0
} // namespace accord
