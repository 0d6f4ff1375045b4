// Prepared counts: a method bound to its parsed options, with integer kernels for IRV and
// Schulze over the distinct ballots' multiplicities (include/accord/prepared.hpp).
#include "accord/prepared.hpp"

#include "accord/error.hpp"
#include "accord/rules/pairwise.hpp"
#include "registry_bind.hpp"
#include "rules/single_winner_adapters.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>

namespace accord {
inline namespace v0 {

namespace {

enum class kernel_kind : unsigned char { none, irv, schulze };

// The distinct ballots as plain strict rankings: candidates in rank order, one per rank.
struct rankings {
    std::vector<std::uint32_t> off;
    std::vector<cand_t> cand;
};

// True when every ballot is a ranking without weights, overvotes, equal ranks or repeats, so
// the kernels' "next continuing candidate" is exactly the IRV walker's continuation and the
// pairwise support is exactly tally_pairwise's.
bool plain_rankings(const profile& p, rankings& out) {
    if (p.kind() != ballot_kind::ranking || p.has_repeats()) return false;
    out.off.assign(1, 0);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        if (b.weight) return false;
        for (std::size_t j = 0; j < b.marks.size(); ++j) {
            if (b.marks[j].candidate == k_overvote) return false;
            if (j > 0 && b.marks[j].value == b.marks[j - 1].value) return false;
            out.cand.push_back(b.marks[j].candidate);
        }
        out.off.push_back(static_cast<std::uint32_t>(out.cand.size()));
    }
    return true;
}

bool total_fits(std::span<const std::uint64_t> counts) {
    std::uint64_t total = 0;
    for (std::uint64_t c : counts)
        if (__builtin_add_overflow(total, c, &total)) return false;
    return total <= static_cast<std::uint64_t>(INT64_MAX);
}

} // namespace

struct prepared_count::impl {
    std::string method;
    detail::bound_method bound;
    profile ballots;
    kernel_kind kernel = kernel_kind::none;
    std::size_t n = 0;
    std::vector<char> withdrawn;
    rankings r;                     // irv
    std::vector<char> active;       // schulze
    std::vector<cand_t> cands;      // schulze: the active candidates, in order
    std::vector<std::uint32_t> pos; // schulze: candidate -> index in cands
    std::vector<std::uint32_t> packed_off,
        packed_cells; // schulze: each ballot's support cells, i*k+j in cands

    // IRV with default options (src/rules/irv.cpp): eliminate the fewest votes until someone has
    // a majority of the continuing votes; an elimination tie goes to the candidate with fewest
    // votes in the latest earlier round that separates them, then to the latest in candidate
    // order (tie_breaker's previous-rounds, then lexicographic). The ranking is the full
    // count's: the winner, the others still continuing by their final tally (equal tallies share
    // a tier), then the eliminated in reverse order of elimination.
    bool irv(std::span<const std::uint64_t> counts, prepared_outcome& out) const {
        const std::size_t m = counts.size();
        std::vector<char> cont(n);
        std::size_t n_cont = 0;
        for (cand_t c = 0; c < n; ++c) n_cont += cont[c] = !withdrawn[c];
        if (n_cont == 0) return false;
        std::vector<std::uint32_t> pos(m);
        std::vector<std::int64_t> tally(n, 0), history;
        std::vector<std::vector<std::uint32_t>> pile(n);
        for (std::size_t i = 0; i < m; ++i) {
            if (counts[i] == 0) continue;
            std::uint32_t j = r.off[i];
            while (j < r.off[i + 1] && !cont[r.cand[j]]) ++j;
            pos[i] = j;
            if (j == r.off[i + 1]) continue;
            pile[r.cand[j]].push_back(static_cast<std::uint32_t>(i));
            tally[r.cand[j]] += static_cast<std::int64_t>(counts[i]);
        }
        std::vector<cand_t> eliminated, low;
        cand_t winner = 0;
        for (;;) {
            std::int64_t total = 0, best = -1, least = INT64_MAX;
            std::size_t at_best = 0;
            cand_t leader = 0;
            for (cand_t c = 0; c < n; ++c) {
                if (!cont[c]) continue;
                total += tally[c];
                if (tally[c] > best)
                    best = tally[c], leader = c, at_best = 1;
                else if (tally[c] == best)
                    ++at_best;
                least = std::min(least, tally[c]);
            }
            if (n_cont == 1 || (2 * best > total && at_best == 1)) {
                winner = leader;
                break;
            }
            low.clear();
            for (cand_t c = 0; c < n; ++c)
                if (cont[c] && tally[c] == least) low.push_back(c);
            const std::size_t rounds = history.size() / n;
            for (std::size_t k = rounds; k-- > 0 && low.size() > 1;) {
                const std::int64_t* t = history.data() + k * n;
                std::int64_t fewest = INT64_MAX;
                for (cand_t c : low) fewest = std::min(fewest, t[c]);
                std::erase_if(low, [&](cand_t c) { return t[c] != fewest; });
            }
            const cand_t loser = low.back(); // lexicographic: the latest in candidate order loses
            history.insert(history.end(), tally.begin(), tally.end());
            cont[loser] = 0;
            --n_cont;
            eliminated.push_back(loser);
            for (std::uint32_t i : pile[loser]) {
                std::uint32_t j = pos[i] + 1;
                while (j < r.off[i + 1] && !cont[r.cand[j]]) ++j;
                pos[i] = j;
                if (j == r.off[i + 1]) continue;
                pile[r.cand[j]].push_back(i);
                tally[r.cand[j]] += static_cast<std::int64_t>(counts[i]);
            }
            pile[loser].clear();
            tally[loser] = 0;
        }
        out.complete = true;
        out.winners.assign(1, winner);
        out.ranking.clear();
        out.ranking.push_back({winner});
        std::vector<cand_t> rest;
        for (cand_t c = 0; c < n; ++c)
            if (cont[c] && c != winner) rest.push_back(c);
        std::stable_sort(rest.begin(), rest.end(), [&](cand_t a, cand_t b) { return tally[a] > tally[b]; });
        for (std::size_t i = 0; i < rest.size(); ++i) {
            if (i > 0 && tally[rest[i]] == tally[rest[i - 1]])
                out.ranking.back().push_back(rest[i]);
            else
                out.ranking.push_back({rest[i]});
        }
        for (auto it = eliminated.rbegin(); it != eliminated.rend(); ++it) out.ranking.push_back({*it});
        return true;
    }

    // Schulze with default options: the pairwise matrix is the sum of each ballot's own support
    // (tally_pairwise of that ballot alone) times its multiplicity; a tie at the top is left to
    // the full count's tie-break. While every support is below 2^32 (so always in SMAA and
    // sweeps), a link a -> b of winning votes x against y packs into one integer,
    // (x << 32) | (2^32 - 1 - y), 0 for no link: larger x is stronger, then smaller y (Schulze
    // 2011, section 2.1, as compare() in src/rules/condorcet.cpp), so the widest-path closure
    // is max/min over plain integers and the ranking is the full count's exactly.
    bool schulze(std::span<const std::uint64_t> counts, prepared_outcome& out) const {
        std::uint64_t total = 0;
        for (std::uint64_t c : counts) total += c; // try_kernel checked that this cannot overflow
        if (total >> 32) return schulze_wide(counts, out);
        const std::size_t k = cands.size();
        thread_local std::vector<std::uint64_t> support, paths;
        support.assign(k * k, 0);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const std::uint64_t w = counts[i];
            if (w == 0) continue;
            for (std::uint32_t j = packed_off[i]; j < packed_off[i + 1]; ++j) support[packed_cells[j]] += w;
        }
        paths.resize(k * k);
        std::uint64_t* P = paths.data();
        for (std::size_t a = 0; a < k; ++a)
            for (std::size_t b = 0; b < k; ++b) {
                const std::uint64_t x = support[a * k + b], y = support[b * k + a];
                P[a * k + b] = x > y ? (x << 32) | (0xffff'ffffU - y) : 0;
            }
        // Widest paths (Floyd-Warshall, section 2.3). The diagonal may fill in, harmlessly: a
        // path through i itself is never wider than the link it starts from.
        for (std::size_t via = 0; via < k; ++via) {
            const std::uint64_t* row_via = P + via * k;
            for (std::size_t a = 0; a < k; ++a) {
                const std::uint64_t av = P[a * k + via];
                if (av == 0 || a == via) continue;
                std::uint64_t* row = P + a * k;
                for (std::size_t b = 0; b < k; ++b) row[b] = std::max(row[b], std::min(av, row_via[b]));
            }
        }
        if (k <= 64) {
            // layer_by over bit sets: the tiers in the same order, without a vector per step.
            std::array<std::uint64_t, 64> beaten{}; // beaten[i]: the j whose path to i beats i's back
            for (std::size_t i = 0; i < k; ++i)
                for (std::size_t j = 0; j < k; ++j)
                    if (P[j * k + i] > P[i * k + j]) beaten[i] |= std::uint64_t{1} << j;
            std::uint64_t left = k == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << k) - 1;
            out.ranking.clear();
            while (left) {
                std::uint64_t top = 0;
                for (std::uint64_t b = left; b; b &= b - 1) {
                    const int i = std::countr_zero(b);
                    if (!(beaten[static_cast<std::size_t>(i)] & left)) top |= std::uint64_t{1} << i;
                }
                if (!top) top = left; // a cycle: everyone left forms one tier
                auto& tier = out.ranking.emplace_back();
                tier.reserve(static_cast<std::size_t>(std::popcount(top)));
                for (std::uint64_t b = top; b; b &= b - 1)
                    tier.push_back(cands[static_cast<std::size_t>(std::countr_zero(b))]);
                left &= ~top;
            }
        } else {
            out.ranking = layer_by(cands, [&](cand_t a, cand_t b) {
                const std::size_t i = pos[a], j = pos[b];
                return i != j && P[i * k + j] > P[j * k + i];
            });
        }
        if (out.ranking.empty() || out.ranking.front().size() != 1) return false;
        out.winners.assign(1, out.ranking.front().front());
        out.complete = true;
        return true;
    }

    // The same with 64-bit supports, through the full count's own path code.
    bool schulze_wide(std::span<const std::uint64_t> counts, prepared_outcome& out) const {
        pairwise_matrix<std::int64_t> m;
        m.n = n;
        m.active = active;
        m.support.assign(n * n, 0);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            const auto w = static_cast<std::int64_t>(counts[i]);
            if (w == 0) continue;
            const std::size_t k = cands.size();
            for (std::uint32_t j = packed_off[i]; j < packed_off[i + 1]; ++j)
                m.support[cands[packed_cells[j] / k] * n + cands[packed_cells[j] % k]] += w;
        }
        out.ranking = detail::schulze_ranking(m, defeat_strength::winning_votes);
        if (out.ranking.empty() || out.ranking.front().size() != 1) return false;
        out.winners.assign(1, out.ranking.front().front());
        out.complete = true;
        return true;
    }
};

prepared_count prepare(std::string_view method, std::string_view options_json, const profile& ballots) {
    auto d = std::make_shared<prepared_count::impl>();
    d->method = std::string(method);
    d->bound = detail::bind_method(method, options_json);
    d->ballots = ballots;
    d->n = ballots.candidate_count();
    (void)d->bound.run(ballots); // checks the options against these candidates, as run() would
    const bool defaults = d->bound.options.is_object() && d->bound.options.empty();
    rankings r;
    if (defaults && (method == "irv" || method == "schulze") && ballots.candidate_count() > 0 &&
        plain_rankings(ballots, r)) {
        d->withdrawn.resize(d->n);
        for (cand_t c = 0; c < d->n; ++c) d->withdrawn[c] = ballots.withdrawn(c);
        if (method == "irv") {
            d->kernel = kernel_kind::irv;
            d->r = std::move(r);
        } else {
            d->kernel = kernel_kind::schulze;
            // Each ballot's own support cells, kept between active candidates only (the count
            // looks at no other), as i * k + j over the active candidates.
            d->packed_off.assign(1, 0);
            for (std::size_t i = 0; i < ballots.unique_count(); ++i) {
                profile one(ballots.candidate_names());
                for (cand_t c = 0; c < d->n; ++c)
                    if (ballots.withdrawn(c)) one.set_withdrawn(c);
                one.add(ballots.ballot(i).marks, 1);
                const auto m = tally_pairwise<std::int64_t>(one);
                if (i == 0) {
                    d->active = m.active;
                    d->pos.assign(d->n, 0);
                    for (cand_t c = 0; c < d->n; ++c)
                        if (d->active[c]) {
                            d->pos[c] = static_cast<std::uint32_t>(d->cands.size());
                            d->cands.push_back(c);
                        }
                }
                const std::size_t k = d->cands.size();
                for (std::size_t x = 0; x < m.support.size(); ++x) {
                    const std::size_t a = x / d->n, b = x % d->n;
                    if (m.support[x] != 0 && d->active[a] && d->active[b])
                        d->packed_cells.push_back(static_cast<std::uint32_t>(d->pos[a] * k + d->pos[b]));
                }
                d->packed_off.push_back(static_cast<std::uint32_t>(d->packed_cells.size()));
            }
            if (ballots.unique_count() == 0) d->kernel = kernel_kind::none;
        }
    }
    prepared_count out;
    out.impl_ = std::move(d);
    return out;
}

result prepared_count::count(const profile& p) const {
    if (!impl_) throw error(errc::invalid, "prepared count: not prepared");
    if (p.candidate_names() != impl_->ballots.candidate_names())
        throw error(errc::invalid, "prepared count: the profile's candidates are not the prepared ones");
    return impl_->bound.run(p);
}

bool prepared_count::try_kernel(std::span<const std::uint64_t> counts, prepared_outcome& out) const {
    if (!impl_) throw error(errc::invalid, "prepared count: not prepared");
    if (counts.size() != impl_->ballots.unique_count())
        throw error(errc::invalid, "prepared count: " + std::to_string(counts.size()) +
                                       " multiplicities for " +
                                       std::to_string(impl_->ballots.unique_count()) + " distinct ballots");
    if (impl_->kernel == kernel_kind::none || !total_fits(counts)) return false;
    if (std::all_of(counts.begin(), counts.end(), [](std::uint64_t c) { return c == 0; })) return false;
    return impl_->kernel == kernel_kind::irv ? impl_->irv(counts, out) : impl_->schulze(counts, out);
}

prepared_outcome prepared_count::operator()(std::span<const std::uint64_t> counts) const {
    prepared_outcome out;
    if (try_kernel(counts, out)) return out;
    const profile& b = impl_->ballots;
    profile q(b.candidate_names(), b.kind());
    for (const auto& u : b.units()) q.intern_unit(u);
    for (cand_t c = 0; c < b.candidate_count(); ++c)
        if (b.withdrawn(c)) q.set_withdrawn(c);
    q.seats = b.seats;
    q.costs = b.costs;
    q.budget = b.budget;
    for (std::size_t i = 0; i < b.unique_count(); ++i)
        if (counts[i] > 0) {
            const auto v = b.ballot(i);
            q.add(v.marks, counts[i], v.weight ? *v.weight : rational(1), v.unit);
        }
    result r = impl_->bound.run(q);
    out.winners = std::move(r.winners);
    out.ranking = std::move(r.ranking);
    out.complete = r.complete;
    return out;
}

bool prepared_count::has_kernel() const noexcept { return impl_ && impl_->kernel != kernel_kind::none; }
const std::string& prepared_count::method() const noexcept {
    static const std::string none;
    return impl_ ? impl_->method : none;
}
const profile& prepared_count::ballots() const {
    if (!impl_) throw error(errc::invalid, "prepared count: not prepared");
    return impl_->ballots;
}

} // namespace v0
} // namespace accord
