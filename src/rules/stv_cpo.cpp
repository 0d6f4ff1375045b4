// CPO-STV (Tideman 1995; Tideman & Richardson 2000): every pair of possible outcomes compared by
// an STV count restricted to the two outcomes' candidates, in exact rationals; the Condorcet
// winner among outcomes, else Schulze or minimax over the outcomes' margins (docs/methods/stv.md).
#include "stv_count.hpp"

#include <algorithm>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace stv_detail {
namespace {

big_int choose(std::size_t n, std::size_t k) {
    big_int r = 1;
    for (std::size_t i = 1; i <= k; ++i) r = r * big_int(n - k + i) / big_int(i);
    return r;
}

std::string set_name(const profile& p, const std::vector<cand_t>& s) {
    std::string out = "{";
    for (cand_t c : s) out += (out.size() > 1 ? ", " : "") + p.candidate_name(c);
    return out + "}";
}

// The comparison of two outcomes. Tideman & Richardson's procedure: the candidates in neither
// outcome are excluded (their papers pass on); the candidates in both transfer their surpluses,
// Meek's way (each keeps the same share, its keep factor, of every paper reaching it; Warren's
// way, the same amount) so that each holds exactly the quota; the candidates in only one outcome
// keep every vote they receive; the quota is recomputed from the votes the compared candidates
// hold, as Meek's (unless fixed_quota). Each outcome's score is its members' votes.
class comparer {
  public:
    comparer(const profile& p, const stv_options& opt, const papers& pp, std::size_t seats)
        : opt_(opt), pp_(pp), seats_(seats), n_(p.candidate_count()) {
        mult_.resize(pp.count.size());
        rational valid(0);
        for (std::size_t g = 0; g < pp.count.size(); ++g) {
            mult_[g] = pp.weight(g) * rational(pp.count[g]);
            if (pp.off[g] < pp.off[g + 1]) valid += mult_[g];
        }
        fixed_ = quota_of(valid);
        omega_ = 1;
        for (unsigned i = 0; i < opt.omega.value_or(12u); ++i) omega_ /= 10;
        // Keep factors stay exact while their denominators are small; past 10^(omega + 3) they are
        // rounded up to omega + 3 places, so the iteration cannot grow numbers without bound.
        grid_ = 1;
        for (unsigned i = 0; i < opt.omega.value_or(12u) + 3; ++i) grid_ *= 10;
        in_s_.assign(n_, 0);
        in_i_.assign(n_, 0);
        keep_.assign(n_, rational(1));
        vote_.assign(n_, rational(0));
    }

    cpo_comparison compare(std::span<const cand_t> a, std::span<const cand_t> b) {
        std::fill(in_s_.begin(), in_s_.end(), 0);
        std::fill(in_i_.begin(), in_i_.end(), 0);
        for (cand_t c : a) in_s_[c] |= 1;
        for (cand_t c : b) in_s_[c] |= 2;
        std::vector<cand_t> both;
        for (cand_t c = 0; c < n_; ++c)
            if (in_s_[c] == 3) {
                in_i_[c] = 1;
                both.push_back(c);
            }
        for (cand_t c : both) keep_[c] = 1;
        group();
        cpo_comparison out;
        rational last_surplus(-1);
        const std::size_t max_iterations = 10'000;
        while (true) {
            distribute();
            ++out.iterations;
            rational held(0);
            for (cand_t c = 0; c < n_; ++c)
                if (in_s_[c]) held += vote_[c];
            const rational q = opt_.fixed_quota ? fixed_ : quota_of(held);
            rational surplus(0);
            for (cand_t c : both)
                if (vote_[c] > q) surplus += vote_[c] - q;
            out.quota = q;
            out.surplus_left = surplus;
            if (surplus == 0 || surplus <= omega_ || (last_surplus >= 0 && surplus >= last_surplus) ||
                out.iterations >= max_iterations)
                break;
            last_surplus = surplus;
            for (cand_t c : both) {
                if (vote_[c] == 0) continue;
                // Meek's update (Hill, Wichmann & Woodall 1987), also Warren's (Droop's warren):
                // scale the keep factor (value) by quota / votes, never above 1.
                rational k = keep_[c] * q / vote_[c];
                if (k > 1) k = 1;
                if (boost::multiprecision::denominator(k) > grid_) {
                    const big_int num = boost::multiprecision::numerator(k) * grid_;
                    const big_int den = boost::multiprecision::denominator(k);
                    k = rational(big_int((num + den - 1) / den), grid_);
                }
                keep_[c] = k;
            }
        }
        out.votes.assign(n_, std::nullopt);
        for (cand_t c = 0; c < n_; ++c)
            if (in_s_[c]) out.votes[c] = vote_[c];
        for (cand_t c : a) out.total_a += vote_[c];
        for (cand_t c : b) out.total_b += vote_[c];
        for (cand_t c : both) keep_[c] = 1;
        return out;
    }

    rational quota_of(const rational& v) const {
        const auto s = static_cast<long long>(seats_);
        switch (opt_.quota.value_or(stv_quota::droop_exact)) {
        case stv_quota::droop: {
            const rational x = v / rational(s + 1);
            return rational(
                big_int(boost::multiprecision::numerator(x) / boost::multiprecision::denominator(x)) + 1);
        }
        case stv_quota::hare:
            return v / rational(s);
        case stv_quota::droop_exact:
            break;
        }
        return v / rational(s + 1);
    }
    const rational& fixed_quota() const { return fixed_; }

  private:
    // The papers as this comparison sees them: each cut after its first candidate in only one
    // outcome (who keeps all that reaches it), the candidates in neither dropped, and identical
    // cut papers merged. Few groups are left (at most the orders of the compared candidates), so
    // each distribution costs the groups, not the papers.
    void group() {
        // A trie over the cut papers (a node per prefix, n_ children each), rebuilt per comparison.
        trie_.assign(n_, -1);
        node_group_.assign(1, -1);
        groups_.clear();
        counts_.clear();
        std::vector<cand_t> key;
        for (std::size_t g = 0; g < mult_.size(); ++g) {
            key.clear();
            std::size_t node = 0;
            for (std::uint32_t j = pp_.off[g]; j < pp_.off[g + 1]; ++j) {
                const cand_t c = pp_.seq[j];
                if (!in_s_[c]) continue;
                key.push_back(c);
                std::int32_t child = trie_[node * n_ + c];
                if (child < 0) {
                    child = static_cast<std::int32_t>(node_group_.size());
                    trie_[node * n_ + c] = child;
                    node_group_.push_back(-1);
                    trie_.resize(node_group_.size() * n_, -1);
                }
                node = static_cast<std::size_t>(child);
                if (!in_i_[c]) break;
            }
            if (key.empty()) continue; // exhausted from the start
            if (node_group_[node] < 0) {
                node_group_[node] = static_cast<std::int32_t>(groups_.size());
                groups_.push_back({key, rational(0)});
                counts_.push_back(0);
            }
            const auto at = static_cast<std::size_t>(node_group_[node]);
            if (pp_.weights.empty())
                counts_[at] += pp_.count[g]; // unweighted: whole papers, their total fits 64 bits
            else
                groups_[at].second += mult_[g];
        }
        if (pp_.weights.empty())
            for (std::size_t i = 0; i < groups_.size(); ++i) groups_[i].second = rational(counts_[i]);
    }

    // Each paper gives each compared candidate in turn what it keeps of what is left of the paper;
    // a candidate in only one outcome keeps all of it; what is left after the last compared
    // candidate it ranks is exhausted.
    void distribute() {
        for (cand_t c = 0; c < n_; ++c) vote_[c] = 0;
        for (const auto& [seq, mult] : groups_) {
            rational w(1);
            for (cand_t c : seq) {
                if (!in_i_[c]) {
                    vote_[c] += w * mult;
                    break;
                }
                const rational kept = opt_.warren_transfer ? (keep_[c] < w ? keep_[c] : w) : w * keep_[c];
                vote_[c] += kept * mult;
                w -= kept;
                if (w == 0) break;
            }
        }
    }

    const stv_options& opt_;
    const papers& pp_;
    std::size_t seats_, n_;
    std::vector<rational> mult_, keep_, vote_;
    std::vector<std::pair<std::vector<cand_t>, rational>> groups_;
    std::vector<std::int32_t> trie_, node_group_;
    std::vector<std::uint64_t> counts_;
    std::vector<char> in_s_, in_i_;
    rational fixed_, omega_;
    big_int grid_;
};

std::vector<cand_t> continuing(const profile& p, const stv_options& opt) {
    std::vector<char> out(p.candidate_count(), 0);
    for (cand_t c : opt.ballots.excluded) out.at(c) = 1;
    std::vector<cand_t> v;
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (!p.withdrawn(c) && !out[c]) v.push_back(c);
    return v;
}

} // namespace

result stv_cpo(const profile& p, const stv_options& opt) {
    const std::size_t seats = seats_of(p, opt);
    const papers pp = strict_papers(p, opt);
    result res = fresh_result(p);
    tie_breaker tb(opt.ballots.tie_break, res);
    const std::vector<cand_t> cands = continuing(p, opt);
    comparer cmp(p, opt, pp, seats);

    // First preferences, for the report.
    round_record first;
    first.tallies.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) first.tallies[c] = rational(0);
    for (std::size_t g = 0; g < pp.count.size(); ++g)
        if (pp.off[g] < pp.off[g + 1])
            *first.tallies[pp.seq[pp.off[g]]] += pp.weight(g) * rational(pp.count[g]);
    first.threshold = cmp.fixed_quota();
    first.note = "first preferences";
    res.scores = first.tallies;
    res.score_name = "first preferences";
    const char* quota_name = opt.quota == stv_quota::droop  ? "droop"
                             : opt.quota == stv_quota::hare ? "hare"
                                                            : "droop-exact (Hagenbach-Bischoff)";
    res.notes.push_back(std::string("variant cpo-stv, ") + std::to_string(seats) + " seats, quota " +
                        quota_name +
                        (opt.fixed_quota ? ", fixed from the valid papers"
                                         : ", recomputed in each comparison from the votes held") +
                        ", surpluses by " + (opt.warren_transfer ? "Warren's" : "Meek's") +
                        " method, exact arithmetic, omega 10^-" + std::to_string(opt.omega.value_or(12u)));

    const auto finish = [&](std::vector<cand_t> elected) {
        std::sort(elected.begin(), elected.end());
        first.elected = elected;
        res.rounds.push_back(std::move(first));
        res.winners = elected;
        std::vector<cand_t> rest;
        for (cand_t c : cands)
            if (!std::binary_search(elected.begin(), elected.end(), c)) rest.push_back(c);
        if (!elected.empty()) res.ranking.push_back(elected);
        if (!rest.empty()) res.ranking.push_back(rest);
        for (cand_t c = 0; c < p.candidate_count(); ++c)
            if (std::find(cands.begin(), cands.end(), c) == cands.end()) res.ranking.push_back({c});
        return std::move(res);
    };
    if (cands.size() <= seats) {
        res.notes.push_back("no more continuing candidates than seats: all are elected");
        return finish(cands);
    }
    const big_int outcomes = choose(cands.size(), seats);
    if (outcomes > big_int(opt.max_outcomes))
        throw error(errc::invalid, "stv: the cpo-stv variant compares every pair of the C(" +
                                       std::to_string(cands.size()) + ", " + std::to_string(seats) + ") = " +
                                       outcomes.str() + " possible outcomes, more than the limit of " +
                                       std::to_string(opt.max_outcomes) + " (option 'max_outcomes')");
    std::vector<std::vector<cand_t>> out;
    {
        std::vector<std::size_t> pick(seats);
        std::iota(pick.begin(), pick.end(), 0);
        const std::size_t m = cands.size();
        while (true) {
            std::vector<cand_t> o(seats);
            for (std::size_t j = 0; j < seats; ++j) o[j] = cands[pick[j]];
            out.push_back(std::move(o));
            std::size_t j = seats;
            while (j > 0 && pick[j - 1] == m - seats + j - 1) --j;
            if (j == 0) break;
            ++pick[j - 1];
            for (std::size_t i = j; i < seats; ++i) pick[i] = pick[i - 1] + 1;
        }
    }
    const std::size_t no = out.size();
    // margin[i][j] = score of i - score of j when i and j are compared.
    std::vector<std::vector<rational>> margin(no, std::vector<rational>(no));
    const double total = static_cast<double>(no) * static_cast<double>(no - 1) / 2;
    std::uint64_t done = 0;
    const auto report = [&] {
        if (opt.progress && !opt.progress(total > 0 ? static_cast<double>(done) / total : 1.0))
            throw error(errc::cancelled, "stv: cpo-stv cancelled by the progress callback");
    };
    report();
    std::size_t close_calls = 0;
    for (std::size_t i = 0; i < no; ++i)
        for (std::size_t j = i + 1; j < no; ++j) {
            const cpo_comparison c = cmp.compare(out[i], out[j]);
            margin[i][j] = c.total_a - c.total_b;
            margin[j][i] = -margin[i][j];
            // The iteration stops within omega of Meek's fixed point: a margin that small could
            // change sign at the fixed point, so it is said.
            if (c.surplus_left != 0 && abs(margin[i][j]) <= c.surplus_left * rational(seats + 1))
                ++close_calls;
            if (++done % 64 == 0) report();
        }
    report();
    if (close_calls > 0)
        res.notes.push_back(std::to_string(close_calls) +
                            " comparison(s) were decided by a margin within the convergence tolerance "
                            "(omega); a larger omega computes them closer to the exact fixed point");
    res.notes.push_back(std::to_string(no) + " possible outcomes, " + std::to_string(done) + " comparisons");

    std::vector<std::size_t> best;
    for (std::size_t i = 0; i < no; ++i) {
        bool beats_all = true;
        for (std::size_t j = 0; j < no && beats_all; ++j)
            if (j != i && margin[i][j] <= 0) beats_all = false;
        if (beats_all) best.push_back(i);
    }
    if (!best.empty()) {
        rational least = -1;
        for (std::size_t j = 0; j < no; ++j)
            if (j != best.front() && (least < 0 || margin[best.front()][j] < least))
                least = margin[best.front()][j];
        res.notes.push_back("outcome " + set_name(p, out[best.front()]) +
                            " beats every other outcome (its smallest margin: " + to_string(least) + ")");
    } else if (opt.completion == stv_options::cpo_completion::minimax) {
        // Minimax over margins: the outcome whose largest defeat is smallest.
        std::vector<rational> worst(no, rational(0));
        for (std::size_t i = 0; i < no; ++i)
            for (std::size_t j = 0; j < no; ++j)
                if (margin[j][i] > worst[i]) worst[i] = margin[j][i];
        const rational low = *std::min_element(worst.begin(), worst.end());
        for (std::size_t i = 0; i < no; ++i)
            if (worst[i] == low) best.push_back(i);
        res.notes.push_back("no outcome beats every other; minimax over the margins: the largest defeat of " +
                            std::to_string(best.size()) + " outcome(s) is " + to_string(low));
    } else {
        // Schulze over margins: the strength of a path is its weakest defeat margin.
        std::vector<std::vector<rational>> d(no, std::vector<rational>(no, rational(0)));
        for (std::size_t i = 0; i < no; ++i)
            for (std::size_t j = 0; j < no; ++j)
                if (i != j && margin[i][j] > 0) d[i][j] = margin[i][j];
        for (std::size_t k = 0; k < no; ++k) {
            if (k % 16 == 0) report();
            for (std::size_t i = 0; i < no; ++i) {
                if (i == k || d[i][k] == 0) continue;
                for (std::size_t j = 0; j < no; ++j) {
                    if (j == i || j == k) continue;
                    const rational& w = d[i][k] < d[k][j] ? d[i][k] : d[k][j];
                    if (w > d[i][j]) d[i][j] = w;
                }
            }
        }
        for (std::size_t i = 0; i < no; ++i) {
            bool ok = true;
            for (std::size_t j = 0; j < no && ok; ++j)
                if (j != i && d[j][i] > d[i][j]) ok = false;
            if (ok) best.push_back(i);
        }
        res.notes.push_back("no outcome beats every other; Schulze over the margins leaves " +
                            std::to_string(best.size()) + " outcome(s)");
    }
    // Several outcomes left: the tie-breaker picks among the candidates some but not all of them
    // hold, one at a time, until one outcome is left (each pick recorded).
    std::vector<std::vector<cand_t>> tied;
    for (std::size_t i : best) tied.push_back(out[i]);
    std::vector<std::size_t> holding(p.candidate_count());
    while (true) {
        std::fill(holding.begin(), holding.end(), 0);
        for (const auto& o : tied)
            for (cand_t x : o) ++holding[x];
        std::vector<cand_t> open;
        for (cand_t c : cands)
            if (holding[c] > 0 && holding[c] < tied.size()) open.push_back(c);
        if (open.empty()) break;
        const auto chosen =
            tb.pick_winner(open, 1, "election: " + std::to_string(tied.size()) + " outcomes are tied");
        if (!chosen) {
            res.notes.push_back("several outcomes are tied; the tie was left unresolved, so the winners are "
                                "only the candidates every tied outcome holds");
            break;
        }
        std::erase_if(tied, [c = *chosen](const std::vector<cand_t>& x) {
            return std::find(x.begin(), x.end(), c) == x.end();
        });
    }
    std::vector<cand_t> elected;
    for (cand_t c : cands)
        if (holding[c] == tied.size()) elected.push_back(c);
    return finish(elected);
}

} // namespace stv_detail

cpo_comparison cpo_stv_compare(const profile& p, const stv_options& opt, std::span<const cand_t> a,
                               std::span<const cand_t> b) {
    stv_detail::check_ranking(p);
    const std::size_t seats = stv_detail::seats_of(p, opt);
    if (a.size() != seats || b.size() != seats)
        throw error(errc::invalid, "stv: cpo_stv_compare needs two outcomes of " + std::to_string(seats) +
                                       " candidates (the seats)");
    for (cand_t c : a)
        if (c >= p.candidate_count())
            throw error(errc::invalid, "stv: an outcome names an unknown candidate");
    for (cand_t c : b)
        if (c >= p.candidate_count())
            throw error(errc::invalid, "stv: an outcome names an unknown candidate");
    stv_options o = opt;
    if (!o.quota) o.quota = stv_quota::droop_exact;
    const stv_detail::papers pp = stv_detail::strict_papers(p, o);
    stv_detail::comparer cmp(p, o, pp, seats);
    return cmp.compare(a, b);
}

} // namespace v0
} // namespace accord
