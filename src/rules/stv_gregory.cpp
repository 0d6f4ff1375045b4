// STV's Gregory family: Scottish STV and WIGM (Droop's flavours of the weighted inclusive Gregory
// method), Gregory's last-parcel rule and whole-paper transfers. Stage structure, rounding and tie
// rules follow the sources named in docs/methods/stv.md; the Scottish and WIGM counts reproduce
// the Droop package's reference reports stage by stage (see tests/stv_test.cpp).
//
// A round costs what it moves (issue 17): each candidate keeps the pile of papers whose current
// preference it is, so a transfer reads only the papers that move; the continuing candidates are
// kept ordered by vote, so the lowest to exclude and the quota holders to elect are read off the
// ends; the amounts moved are kept sparse; and a previous-rounds tie looks only at the rounds at
// which a tied candidate's vote changed. tests/stv_equivalence_test.cpp keeps the count this
// replaced (which scanned every candidate each round) and checks both give the same Result.
#include "ballot_walker.hpp"
#include "stv_arith.hpp"
#include "stv_count.hpp"
#include "accord/detail/tally_history.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>

namespace accord {
inline namespace v0 {
namespace stv_detail {
namespace {
using namespace detail;

template <class A> class gregory_count : count_base {
  public:
    using T = typename A::T;
    gregory_count(const profile& p, const stv_options& opt, A a) : count_base(p, opt), a_(a) {
        scottish_ = opt.variant == stv_variant::scottish;
        whole_ = opt.variant == stv_variant::whole;
        last_parcel_ = opt.variant == stv_variant::gregory || whole_;
        parcel_from_.assign(n_, 0);
        mark_.assign(n_, 0);
        mark_epoch_.assign(n_, 0);
        vote_.assign(n_, T(0));
        key_.assign(n_, T(0));
        pile_.resize(n_);
        moved_.amount.assign(n_ + 1, T(0));
        moved_.seen.assign(n_ + 1, 0);
        history_ = tally_history<rational>(n_);
        exhausted_ = T(0);
        lost_ = T(0);
    }

    result run() {
        const std::size_t m = pp_.count.size();
        big_int total_papers = 0;
        pos_.resize(m);
        val_.resize(m);
        end_.assign(pp_.off.begin() + 1, pp_.off.end());
        start_.assign(pp_.off.begin(), pp_.off.end() - 1);
        count_ = pp_.count;
        T total(0);
        for (std::size_t g = 0; g < m; ++g) {
            total_papers += pp_.count[g];
            val_[g] = pp_.weights.empty() ? a_.one() : a_.from_rational(pp_.weights[g]);
            pos_[g] = pp_.off[g];
            const T v = a_.mul_count(val_[g], pp_.count[g]);
            total += v;
            if (pos_[g] == end_[g]) {
                blank_ += a_.to_rational(v);
                continue;
            }
            const cand_t c = pp_.seq[pos_[g]];
            pile_[c].push_back(static_cast<std::uint32_t>(g));
            vote_[c] += v;
        }
        // Quota on the valid papers (the Order: "the total number of valid ballot papers"; a
        // paper whose every choice is withdrawn or excluded is not valid).
        const T valid = total - blank_value();
        set_quota(valid);
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful) {
                key_[c] = vote_[c];
                hope_.insert({key_[c], c});
            }
        const std::size_t hopefuls = hope_.size();
        res_.notes.push_back(
            std::string("variant ") + stv_variant_name(opt_.variant) + ", " + std::to_string(seats_) +
            " seats, " + std::to_string(hopefuls) + " candidates, quota " +
            to_string(a_.to_rational(quota_)) +
            (A::exact ? ", exact arithmetic"
                      : ", fixed-point arithmetic to " + std::to_string(places_of(a_)) + " places"));
        round_record first = snapshot();
        first.note = "first preferences";
        push_round(std::move(first));
        if (scottish_ || last_parcel_)
            run_scottish();
        else
            run_wigm();
        finish_ranking(res_, defeated_order_, st_);
        res_.scores = res_.rounds.front().tallies;
        res_.score_name = "first preferences";
        return std::move(res_);
    }

  private:
    T blank_value() const {
        if constexpr (A::exact)
            return blank_;
        else {
            // blank_ is exact; convert back (it is a sum of representable values)
            return a_.from_rational(blank_);
        }
    }

    void set_quota(const T& valid) {
        // The Scottish Order's quota is always Droop's.
        const stv_quota q =
            scottish_ ? stv_quota::droop
                      : opt_.quota.value_or(last_parcel_ ? stv_quota::droop : stv_quota::droop_exact);
        const auto t = gregory_quota(a_, valid, seats_, q, whole_);
        quota_ = t.value;
        strict_ = t.strict;
    }
    bool has_quota(cand_t c) const { return strict_ ? vote_[c] > quota_ : vote_[c] >= quota_; }

    std::size_t elected_count() const { return pending_.size() + n_elected_; }
    std::size_t seats_left() const { return seats_ - std::min(seats_, elected_count()); }

    // Every change of state goes through here, so the ordered continuing candidates and the
    // pending set stay in step with st_.
    void set_state(cand_t c, cstate s) {
        const cstate old = st_[c];
        if (old == cstate::hopeful) hope_.erase({key_[c], c});
        if (old == cstate::pending) pending_.erase(c);
        if (old == cstate::elected) --n_elected_;
        st_[c] = s;
        if (s == cstate::pending) pending_.insert(c);
        if (s == cstate::elected) ++n_elected_;
    }

    // After papers moved: the continuing candidates that received them take their new place.
    void settle() {
        for (cand_t c : received_) {
            if (st_[c] != cstate::hopeful || key_[c] == vote_[c]) continue;
            hope_.erase({key_[c], c});
            key_[c] = vote_[c];
            hope_.insert({key_[c], c});
        }
        received_.clear();
    }

    // A round goes into the Result; the candidates whose vote changed since the previous round
    // note it, for the previous-rounds tie-break.
    void push_round(round_record rec) {
        res_.rounds.push_back(std::move(rec));
        const std::size_t k = res_.rounds.size();
        const auto& t = res_.rounds.back().tallies;
        auto note = [&](cand_t c) {
            if (t[c]) history_.note(k, c, *t[c]);
        };
        if (k == 1) {
            for (cand_t c = 0; c < n_; ++c) note(c);
        } else {
            for (cand_t c : changed_) note(c);
        }
        changed_.clear();
    }

    // tie_breaker's previous-rounds filter over the rounds so far, for candidates in every one of
    // them (hopeful or pending ones: they have been in each round's record since the first).
    tie_breaker::history_filter previous_rounds(bool loser) const {
        return [this, loser](std::vector<cand_t>& left) {
            history_.narrow_to_fewest(left, res_.rounds.size(), !loser);
        };
    }

    // Every round records every candidate still in the count (the public round trace); only the
    // votes changed since the last round are converted again.
    round_record snapshot() const {
        round_record r;
        r.tallies.assign(n_, std::nullopt);
        if (res_.rounds.empty()) {
            shown_.resize(n_);
            for (cand_t c = 0; c < n_; ++c) shown_[c] = a_.to_rational(vote_[c]);
        } else {
            for (cand_t c : changed_) shown_[c] = a_.to_rational(vote_[c]);
        }
        for (cand_t c = 0; c < n_; ++c)
            if (st_[c] == cstate::hopeful || st_[c] == cstate::pending || st_[c] == cstate::elected)
                r.tallies[c] = shown_[c];
        r.threshold = a_.to_rational(quota_);
        r.inactive.exhausted_choices = a_.to_rational(exhausted_);
        r.inactive.blank = blank_;
        r.lost = a_.to_rational(lost_);
        return r;
    }

    // Elects every hopeful with a quota, highest vote first; returns how many.
    std::size_t elect_quota_holders(round_record* rec) {
        // The quota holders are the top of the ordered continuing candidates.
        std::vector<cand_t> h;
        for (auto it = hope_.rbegin(); it != hope_.rend() && has_quota(it->second); ++it)
            h.push_back(it->second);
        std::sort(h.begin(), h.end(), [&](cand_t x, cand_t y) {
            if (vote_[x] != vote_[y]) return vote_[x] > vote_[y];
            return x < y;
        });
        std::size_t k = 0;
        for (cand_t c : h)
            if (has_quota(c)) {
                set_state(c, cstate::pending);
                parcel_from_[c] = mark_of(c); // the papers of the transfer that brought c to the quota
                res_.winners.push_back(c);
                if (rec)
                    rec->elected.push_back(c);
                else
                    res_.rounds.back().elected.push_back(c);
                ++k;
            }
        return k;
    }

    // Moves paper group g on from its current candidate to the next hopeful one.
    // What one transfer moves to each candidate (index n_: exhausted), kept sparse.
    struct moves {
        std::vector<T> amount;
        std::vector<char> seen;
        std::vector<cand_t> to;
        void add(cand_t c, const T& v) {
            if (!seen[c]) {
                seen[c] = 1;
                to.push_back(c);
            }
            amount[c] += v;
        }
        T sum() const {
            T s(0);
            for (cand_t c : to) s += amount[c];
            return s;
        }
        // The nonzero amounts, by candidate (exhausted last), and clears.
        std::vector<std::pair<cand_t, T>> take() {
            std::sort(to.begin(), to.end());
            std::vector<std::pair<cand_t, T>> out;
            for (cand_t c : to) {
                if (amount[c] != T(0)) out.emplace_back(c, amount[c]);
                amount[c] = T(0);
                seen[c] = 0;
            }
            to.clear();
            return out;
        }
    };

    // Moves paper group g on from its current candidate to the next hopeful one.
    void move_on(std::uint32_t g, moves& moved) {
        auto& pos = pos_[g];
        const std::uint32_t end = end_[g];
        ++pos;
        while (pos < end && st_[pp_.seq[pos]] != cstate::hopeful) ++pos;
        const T v = a_.mul_count(val_[g], count_[g]);
        if (pos == end) {
            exhausted_ += v;
            moved.add(static_cast<cand_t>(n_), v);
        } else {
            const cand_t to = pp_.seq[pos];
            if (mark_epoch_[to] != epoch_) { // its pile as it was before this transfer
                mark_epoch_[to] = epoch_;
                mark_[to] = pile_[to].size();
            }
            pile_[to].push_back(g);
            if (vote_[to] == key_[to]) {
                received_.push_back(to);
                changed_.push_back(to);
            }
            vote_[to] += v;
            moved.add(to, v);
        }
    }

    void record_moves(round_record& rec, cand_t from, const std::vector<std::pair<cand_t, T>>& moved) {
        for (const auto& [to, v] : moved)
            rec.transfers.push_back({from, to == n_ ? k_exhausted : to, a_.to_rational(v)});
    }

    // Before a transfer: where each pile ends, so the next parcel can be told apart. Kept lazily:
    // a pile not added to since the last mark still ends where it did.
    void mark_piles() { ++epoch_; }
    std::size_t mark_of(cand_t c) const { return mark_epoch_[c] == epoch_ ? mark_[c] : pile_[c].size(); }
    bool transferable(std::uint32_t g) const { return next_hopeful(g) != k_none; }
    std::uint32_t next_hopeful(std::uint32_t g) const {
        for (std::uint32_t pos = pos_[g] + 1; pos < end_[g]; ++pos)
            if (st_[pp_.seq[pos]] == cstate::hopeful) return pp_.seq[pos];
        return k_none;
    }
    std::uint32_t start_of(std::uint32_t g) const { return start_[g]; }
    // Splits `k` papers off group g into a new group (same preferences, position and value).
    std::uint32_t split(std::uint32_t g, std::uint64_t k) {
        const auto h = static_cast<std::uint32_t>(count_.size());
        start_.push_back(start_[g]);
        pos_.push_back(pos_[g]);
        end_.push_back(end_[g]);
        val_.push_back(val_[g]);
        count_.push_back(k);
        count_[g] -= k;
        return h;
    }

    // Whole-paper transfer (Irish / Cincinnati style, deterministic): the surplus moves as
    // whole papers from the last parcel; each next preference gets its share of the surplus
    // (floor of sub-parcel x surplus / transferable papers, remaining papers by largest
    // remainder), taking the papers that arrived last.
    void transfer_whole(cand_t c) {
        const rational surplus_r = a_.to_rational(vote_[c] - quota_);
        const big_int surplus = floor_int(surplus_r);
        mark_piles();
        std::vector<std::uint32_t> parcel(pile_[c].begin() + static_cast<std::ptrdiff_t>(parcel_from_[c]),
                                          pile_[c].end());
        std::map<cand_t, std::vector<std::uint32_t>> sub; // next preference -> groups, in arrival order
        big_int movable = 0;
        for (std::uint32_t g : parcel) {
            const auto to = next_hopeful(g);
            if (to == k_none) continue;
            sub[to].push_back(g);
            movable += count_[g];
        }
        std::map<cand_t, big_int> take;
        if (movable <= surplus) {
            for (const auto& [to, gs] : sub)
                for (auto g : gs) take[to] += count_[g];
        } else {
            big_int given = 0;
            std::vector<std::pair<rational, cand_t>> rem;
            for (const auto& [to, gs] : sub) {
                big_int size = 0;
                for (auto g : gs) size += count_[g];
                const big_int share = size * surplus / movable;
                take[to] = share;
                given += share;
                rem.push_back({rational(size * surplus, movable) - rational(share), to});
            }
            // Largest remainders first; equal remainders go to the larger sub-parcel, then to the
            // earlier candidate, and are recorded as a tie.
            std::stable_sort(rem.begin(), rem.end(), [&](const auto& x, const auto& y) {
                if (x.first != y.first) return x.first > y.first;
                return sub[x.second].size() > sub[y.second].size();
            });
            for (std::size_t k = 0; given < surplus && k < rem.size(); ++k, given += 1) {
                if (k + 1 < rem.size() && rem[k + 1].first == rem[k].first && given + 1 == surplus)
                    res_.notes.push_back("whole transfer: equal remainders for the last paper of " +
                                         p_.candidate_name(c) + "'s surplus; given to " +
                                         p_.candidate_name(rem[k].second) + " (candidate order)");
                take[rem[k].second] += 1;
            }
        }
        // Which papers of a sub-parcel move must not depend on the order ballots were read in:
        // take them in a canonical order, by their whole sequence of preferences.
        auto seq_less = [&](std::uint32_t a, std::uint32_t b) {
            return std::lexicographical_compare(pp_.seq.begin() + start_of(a), pp_.seq.begin() + end_[a],
                                                pp_.seq.begin() + start_of(b), pp_.seq.begin() + end_[b]);
        };
        for (auto& [to, gs] : sub) std::stable_sort(gs.begin(), gs.end(), seq_less);
        moves& moved = moved_;
        std::vector<std::uint32_t> gone; // groups leaving c's pile whole
        for (auto& [to, gs] : sub) {
            big_int want = take[to];
            for (auto it = gs.rbegin(); it != gs.rend() && want > 0; ++it) {
                const auto g = *it;
                const big_int have = count_[g];
                if (have <= want) {
                    gone.push_back(g);
                    move_on(g, moved);
                    want -= have;
                } else {
                    const auto h = split(g, want.convert_to<std::uint64_t>());
                    move_on(h, moved);
                    want = 0;
                }
            }
        }
        if (!gone.empty()) {
            std::sort(gone.begin(), gone.end());
            std::erase_if(pile_[c],
                          [&](std::uint32_t g) { return std::binary_search(gone.begin(), gone.end(), g); });
        }
        const T sent = moved.sum();
        const T surplus_t = vote_[c] - quota_;
        exhausted_ += surplus_t - sent; // what could not move is non-transferable
        moved.add(static_cast<cand_t>(n_), surplus_t - sent);
        elect_after_transfer(c);
        const auto moves_made = moved.take();
        round_record rec = snapshot();
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(surplus_r) +
                   ") transferred as whole papers from the last parcel";
        record_moves(rec, c, moves_made);
        push_round(std::move(rec));
    }

    // ERS97-style: only the last parcel moves, at surplus / (its transferable value), never
    // above the value the papers came with; what cannot move is non-transferable.
    void transfer_last_parcel(cand_t c) {
        const T surplus = vote_[c] - quota_;
        mark_piles();
        std::vector<std::uint32_t> parcel(pile_[c].begin() + static_cast<std::ptrdiff_t>(parcel_from_[c]),
                                          pile_[c].end());
        pile_[c].resize(parcel_from_[c]);
        T movable(0);
        for (std::uint32_t g : parcel)
            if (transferable(g)) movable += a_.mul_count(val_[g], count_[g]);
        const bool scale_down = movable > surplus;
        moves& moved = moved_;
        for (std::uint32_t g : parcel) {
            if (!transferable(g)) {
                pile_[c].push_back(g); // stays with the elected candidate
                continue;
            }
            if (scale_down) val_[g] = a_.muldiv_down(val_[g], surplus, movable);
            move_on(g, moved);
        }
        const T sent = moved.sum();
        if (scale_down)
            lost_ += surplus - sent;
        else {
            exhausted_ += surplus - sent;
            moved.add(static_cast<cand_t>(n_), surplus - sent);
        }
        elect_after_transfer(c);
        const auto moves_made = moved.take();
        round_record rec = snapshot();
        rec.transfer_value = scale_down ? a_.to_rational(surplus) / a_.to_rational(movable) : rational(1);
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(a_.to_rational(surplus)) +
                   ") transferred from the last parcel received";
        record_moves(rec, c, moves_made);
        push_round(std::move(rec));
    }

    // After c's surplus moved: c keeps the quota and is elected; the receivers take their place.
    void elect_after_transfer(cand_t c) {
        if (vote_[c] != quota_) changed_.push_back(c);
        vote_[c] = quota_;
        set_state(c, cstate::elected);
        settle();
    }

    void transfer_surplus(cand_t c) {
        if (whole_) return transfer_whole(c);
        if (last_parcel_) return transfer_last_parcel(c);
        mark_piles();
        const T surplus = vote_[c] - quota_;
        const T votes = vote_[c];
        moves& moved = moved_;
        std::vector<std::uint32_t> from;
        from.swap(pile_[c]);
        for (std::uint32_t g : from) {
            val_[g] = a_.muldiv_down(val_[g], surplus, votes);
            move_on(g, moved);
        }
        const T sent = moved.sum();
        lost_ += surplus - sent;
        elect_after_transfer(c);
        const auto moves_made = moved.take();
        round_record rec = snapshot();
        rec.transfer_value = a_.to_rational(surplus) / a_.to_rational(votes);
        rec.note = "surplus of " + p_.candidate_name(c) + " (" + to_string(a_.to_rational(surplus)) +
                   ") transferred";
        record_moves(rec, c, moves_made);
        push_round(std::move(rec));
    }

    void exclude(const std::vector<cand_t>& losers, const std::string& why) {
        mark_piles();
        moves& moved = moved_;
        round_record rec;
        for (cand_t c : losers) {
            set_state(c, cstate::defeated);
            defeated_order_.push_back(c);
        }
        std::vector<std::vector<std::pair<cand_t, T>>> per(losers.size());
        for (std::size_t k = 0; k < losers.size(); ++k) {
            const cand_t c = losers[k];
            std::vector<std::uint32_t> from;
            from.swap(pile_[c]);
            for (std::uint32_t g : from) move_on(g, moved);
            vote_[c] = T(0);
            per[k] = moved.take();
        }
        settle();
        rec = snapshot();
        rec.eliminated = losers;
        for (std::size_t k = 0; k < losers.size(); ++k) record_moves(rec, losers[k], per[k]);
        rec.note = why;
        push_round(std::move(rec));
    }

    std::optional<cand_t> pick(std::vector<cand_t> tied, bool loser, const char* purpose) {
        if (tied.size() == 1) return tied.front();
        const std::size_t round = res_.rounds.size() + 1;
        return loser ? tb_.pick_loser(tied, round, purpose, previous_rounds(true))
                     : tb_.pick_winner(tied, round, purpose, res_.rounds);
    }

    // Returns false when a tie was left unresolved (policy "report"): the count stops.
    bool surplus_or_exclusion(bool zero_batch) {
        std::vector<cand_t> pend(pending_.begin(), pending_.end());
        if (scottish_ && !opt_.zero_surplus_stage && !pend.empty()) {
            // Scottish Order rule 48(1): a surplus is transferred only when a candidate's votes
            // exceed the quota. One elected with exactly the quota keeps its papers and no stage
            // transfers its surplus of 0 (as in the official declarations); the count goes on
            // with the next surplus or exclusion once the caller has looked for new quotas.
            std::vector<cand_t> rest;
            bool any_exact = false;
            for (cand_t c : pend) {
                if (vote_[c] == quota_) {
                    set_state(c, cstate::elected);
                    any_exact = true;
                    res_.notes.push_back(p_.candidate_name(c) +
                                         " was elected with exactly the quota: no surplus "
                                         "to transfer (rule 48(1))");
                } else {
                    rest.push_back(c);
                }
            }
            if (any_exact && rest.empty()) return true;
            pend = std::move(rest);
        }
        if (!pend.empty()) {
            T high = vote_[pend.front()];
            for (cand_t c : pend) high = std::max(high, vote_[c]);
            std::vector<cand_t> top;
            for (cand_t c : pend)
                if (vote_[c] == high) top.push_back(c);
            // Scottish rule 49: equal surpluses go by the most recent stage at which the
            // candidates differed (the higher first). WIGM follows Droop: one tie order decides
            // both whom to exclude and whose surplus goes first, so it picks as for exclusion.
            auto c = pick(top, !scottish_, "surplus");
            if (!c) return false;
            transfer_surplus(*c);
            return true;
        }
        if (hope_.empty()) return true;
        // The lowest are the bottom of the ordered continuing candidates, by candidate index.
        const T low = hope_.begin()->first;
        std::vector<cand_t> bottom;
        for (auto it = hope_.begin(); it != hope_.end() && it->first == low; ++it)
            bottom.push_back(it->second);
        if (zero_batch && low == T(0) && bottom.size() > 1) {
            exclude(bottom, "every candidate with no votes excluded");
            return true;
        }
        auto c = pick(bottom, true, "exclusion");
        if (!c) return false;
        exclude({*c}, "lowest candidate excluded");
        return true;
    }

    void stop_unresolved() {
        res_.notes.push_back("count stopped: a tie was left unresolved (tie_break report)");
    }

    void finish_remaining(const char* how) {
        for (cand_t c : in_state(cstate::pending)) set_state(c, cstate::elected);
        if (!res_.complete) return;
        auto h = in_state(cstate::hopeful);
        if (h.size() <= seats_left() && !h.empty()) {
            std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] > vote_[y]; });
            for (cand_t c : h) {
                st_[c] = cstate::elected;
                res_.winners.push_back(c);
                res_.rounds.back().elected.push_back(c);
            }
            res_.notes.push_back(how);
        }
        // Any hopeful left loses, lowest first.
        h = in_state(cstate::hopeful);
        std::stable_sort(h.begin(), h.end(), [&](cand_t x, cand_t y) { return vote_[x] < vote_[y]; });
        for (cand_t c : h) {
            st_[c] = cstate::defeated;
            defeated_order_.push_back(c);
        }
    }

    // Rules 47-52 of the Scottish Order, stage by stage.
    void run_scottish() {
        auto complete = [&] { return seats_left() == 0 || hope_.size() <= seats_left(); };
        while (true) {
            elect_quota_holders(nullptr);
            if (complete()) break;
            const bool had_pending = !pending_.empty();
            if (!surplus_or_exclusion(false)) {
                stop_unresolved();
                break;
            }
            if (had_pending) continue;
            if (complete()) break;
        }
        finish_remaining("the continuing candidates fill the remaining seats (rule 52)");
    }

    // Droop's generic WIGM loop.
    void run_wigm() {
        while (hope_.size() > seats_left() && seats_left() > 0) {
            round_record* last = &res_.rounds.back();
            (void)last;
            elect_quota_holders(nullptr);
            if (!surplus_or_exclusion(opt_.defeat_zero_batch)) {
                stop_unresolved();
                break;
            }
        }
        finish_remaining("the continuing candidates fill the remaining seats");
    }

    A a_;
    bool scottish_ = false, last_parcel_ = false, whole_ = false, strict_ = false;
    std::vector<std::uint32_t> start_, end_; // per group: its preferences (groups can split)
    std::vector<std::uint64_t> count_;       // per group: papers in it
    std::vector<std::size_t> parcel_from_, mark_;
    std::vector<std::uint64_t> mark_epoch_; // the transfer at which mark_ was taken
    std::uint64_t epoch_ = 0;
    std::vector<T> vote_, val_;
    std::vector<T> key_;                  // a hopeful's vote as placed in hope_
    std::set<std::pair<T, cand_t>> hope_; // the hopefuls by vote, then index
    std::set<cand_t> pending_;
    std::size_t n_elected_ = 0;
    moves moved_;
    std::vector<cand_t> received_, changed_; // vote changed in this transfer / since the last round
    mutable std::vector<rational> shown_;    // each vote as last recorded
    tally_history<rational> history_{0};
    std::vector<std::uint32_t> pos_;
    std::vector<std::vector<std::uint32_t>> pile_;
    T quota_{}, exhausted_{}, lost_{};
    rational blank_{0};
    std::vector<cand_t> defeated_order_;
};

} // namespace

result stv_gregory(const profile& p, const stv_options& opt, std::optional<unsigned> places) {
    return with_arith<gregory_count>(p, opt, places);
}

} // namespace stv_detail
} // namespace v0
} // namespace accord
