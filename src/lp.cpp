// Exact two-phase simplex over GMP rationals (lp.hpp). The textbook method (Dantzig; the two
// phases and artificial variables as in Chvátal, "Linear Programming", 1983, ch. 8), with
// Bland's anti-cycling rule (Bland, "New finite pivoting rules for the simplex method", Math. of
// Operations Research 2 (1977) 103-107) whenever the previous pivot was degenerate.
#include "lp.hpp"

#include "accord/error.hpp"

#include <limits>
#include <string>

namespace accord {
inline namespace v0 {
namespace lp {
namespace {

constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

struct tableau {
    std::size_t rows = 0, cols = 0;
    std::vector<rational> a;        // rows x cols, row-major
    std::vector<rational> b;        // right-hand sides (values of the basic variables)
    std::vector<std::size_t> basis; // the basic column of each row
    std::vector<rational> d;        // reduced costs: column j improves the objective when d[j] > 0
    rational z;                     // the objective's value at the current basis
    std::size_t pivots = 0, bland_pivots = 0;
    std::vector<std::size_t> nonzero; // scratch: the pivot row's non-zero columns

    rational& at(std::size_t i, std::size_t j) { return a[i * cols + j]; }

    // Makes column c basic in row r: row r divided by its pivot, then subtracted from every other
    // row (and from the objective row) so that column c is a unit vector.
    void pivot(std::size_t r, std::size_t c) {
        const rational p = at(r, c);
        nonzero.clear();
        for (std::size_t j = 0; j < cols; ++j)
            if (sign(at(r, j)) != 0) {
                at(r, j) /= p;
                nonzero.push_back(j);
            }
        b[r] /= p;
        for (std::size_t i = 0; i < rows; ++i) {
            if (i == r || sign(at(i, c)) == 0) continue;
            const rational f = at(i, c);
            for (std::size_t j : nonzero) at(i, j) -= f * at(r, j);
            b[i] -= f * b[r];
        }
        if (sign(d[c]) != 0) {
            const rational f = d[c];
            for (std::size_t j : nonzero) d[j] -= f * at(r, j);
            z += f * b[r];
        }
        basis[r] = c;
    }

    // Pivots over the columns below `limit` until no reduced cost is positive (optimal) or an
    // improving column has no positive entry (unbounded).
    status run(std::size_t limit) {
        bool bland = false;
        for (;;) {
            std::size_t c = npos;
            for (std::size_t j = 0; j < limit; ++j) {
                if (sign(d[j]) <= 0) continue;
                if (bland) {
                    c = j;
                    break;
                }
                if (c == npos || d[j] > d[c]) c = j;
            }
            if (c == npos) return status::optimal;
            std::size_t r = npos;
            rational best;
            for (std::size_t i = 0; i < rows; ++i) {
                if (sign(at(i, c)) <= 0) continue;
                rational ratio = b[i] / at(i, c);
                if (r == npos || ratio < best || (ratio == best && basis[i] < basis[r])) {
                    r = i;
                    best = std::move(ratio);
                }
            }
            if (r == npos) return status::unbounded;
            ++pivots;
            if (bland) ++bland_pivots;
            bland = sign(best) == 0; // a degenerate pivot: Bland's rule until progress resumes
            pivot(r, c);
        }
    }

    void drop_row(std::size_t r) {
        a.erase(a.begin() + static_cast<std::ptrdiff_t>(r * cols),
                a.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols));
        b.erase(b.begin() + static_cast<std::ptrdiff_t>(r));
        basis.erase(basis.begin() + static_cast<std::ptrdiff_t>(r));
        --rows;
    }
};

} // namespace

solution maximise(const problem& p) {
    const std::size_t n = p.variables;
    if (p.objective.size() > n)
        throw error(errc::invalid, "lp: the objective has more coefficients than variables");
    // Each row with a non-negative right-hand side; a row "... >= 0" is turned into "-... <= 0",
    // so that its slack starts the basis and it needs no artificial variable.
    struct row {
        std::vector<rational> coef;
        relation rel;
        rational rhs;
    };
    std::vector<row> rows;
    rows.reserve(p.constraints.size());
    std::size_t slacks = 0, artificials = 0;
    for (const auto& c : p.constraints) {
        if (c.coefficients.size() > n)
            throw error(errc::invalid, "lp: a constraint has more coefficients than variables");
        row r{c.coefficients, c.rel, c.rhs};
        r.coef.resize(n);
        if (sign(r.rhs) < 0 || (sign(r.rhs) == 0 && r.rel == relation::greater_equal)) {
            for (auto& x : r.coef) x = -x;
            r.rhs = -r.rhs;
            if (r.rel != relation::equal)
                r.rel = r.rel == relation::less_equal ? relation::greater_equal : relation::less_equal;
        }
        if (r.rel != relation::equal) ++slacks;
        if (r.rel != relation::less_equal) ++artificials;
        rows.push_back(std::move(r));
    }
    tableau t;
    t.rows = rows.size();
    t.cols = n + slacks + artificials;
    const std::size_t art_begin = n + slacks;
    t.a.assign(t.rows * t.cols, rational(0));
    t.b.resize(t.rows);
    t.basis.resize(t.rows);
    t.d.assign(t.cols, rational(0));
    std::size_t next_slack = n, next_art = art_begin;
    for (std::size_t i = 0; i < t.rows; ++i) {
        for (std::size_t j = 0; j < n; ++j) t.at(i, j) = rows[i].coef[j];
        t.b[i] = rows[i].rhs;
        if (rows[i].rel == relation::less_equal) {
            t.at(i, next_slack) = 1;
            t.basis[i] = next_slack++;
        } else {
            if (rows[i].rel == relation::greater_equal) t.at(i, next_slack++) = -1;
            t.at(i, next_art) = 1;
            t.basis[i] = next_art++;
        }
    }
    solution s;
    // Phase 1: maximise minus the sum of the artificial variables.
    if (artificials > 0) {
        for (std::size_t i = 0; i < t.rows; ++i) {
            if (t.basis[i] < art_begin) continue;
            for (std::size_t j = 0; j < art_begin; ++j) t.d[j] += t.at(i, j);
            t.z -= t.b[i];
        }
        t.run(t.cols); // bounded above by 0, so never unbounded
        if (sign(t.z) < 0) {
            s.state = status::infeasible;
            s.pivots = t.pivots;
            s.bland_pivots = t.bland_pivots;
            return s;
        }
        // Artificial variables left in the basis are at zero: swap each for any original or slack
        // column with a non-zero entry in its row, or drop the row, which is then redundant.
        for (std::size_t i = t.rows; i-- > 0;) {
            if (t.basis[i] < art_begin) continue;
            std::size_t c = npos;
            for (std::size_t j = 0; j < art_begin && c == npos; ++j)
                if (sign(t.at(i, j)) != 0) c = j;
            if (c != npos)
                t.pivot(i, c);
            else
                t.drop_row(i);
        }
    }
    // Phase 2: the real objective, over the original and slack columns only.
    auto cost = [&](std::size_t j) { return j < p.objective.size() ? p.objective[j] : rational(0); };
    t.d.assign(t.cols, rational(0));
    t.z = 0;
    for (std::size_t j = 0; j < art_begin; ++j) t.d[j] = cost(j);
    for (std::size_t i = 0; i < t.rows; ++i) {
        const rational cb = cost(t.basis[i]);
        if (sign(cb) == 0) continue;
        for (std::size_t j = 0; j < art_begin; ++j) t.d[j] -= cb * t.at(i, j);
        t.z += cb * t.b[i];
    }
    s.state = t.run(art_begin);
    s.pivots = t.pivots;
    s.bland_pivots = t.bland_pivots;
    if (s.state != status::optimal) return s;
    s.x.assign(n, rational(0));
    for (std::size_t i = 0; i < t.rows; ++i)
        if (t.basis[i] < n) s.x[t.basis[i]] = t.b[i];
    s.value = t.z;
    return s;
}

integer_solution maximise_integer(const problem& p, std::size_t max_nodes) {
    bool integral_objective = true;
    for (const auto& c : p.objective)
        if (boost::multiprecision::denominator(c) != 1) integral_objective = false;
    integer_solution best;
    best.state = status::infeasible;
    problem node = p;
    const std::size_t base_rows = p.constraints.size();
    // Depth-first: each frame is the bound rows added below the root, in order.
    std::vector<std::vector<constraint>> stack{{}};
    while (!stack.empty()) {
        auto bounds = std::move(stack.back());
        stack.pop_back();
        if (++best.nodes > max_nodes)
            throw error(errc::unsupported, "lp: the integer program needs more than " +
                                               std::to_string(max_nodes) +
                                               " branch-and-bound nodes, the limit");
        node.constraints.resize(base_rows);
        node.constraints.insert(node.constraints.end(), bounds.begin(), bounds.end());
        const solution s = maximise(node);
        best.pivots += s.pivots;
        best.bland_pivots += s.bland_pivots;
        if (s.state == status::infeasible) continue;
        if (s.state == status::unbounded) {
            // An unbounded relaxation with integral data has unbounded integer points nearby only
            // when a feasible integer point exists; this solver's users bound every variable.
            throw error(errc::unsupported, "lp: the integer program's relaxation is unbounded");
        }
        rational bound = s.value;
        if (integral_objective) bound = rational(floor_int(bound));
        if (best.state == status::optimal && bound <= best.value) continue;
        std::size_t j = 0;
        while (j < s.x.size() && boost::multiprecision::denominator(s.x[j]) == 1) ++j;
        if (j == s.x.size()) {
            best.state = status::optimal;
            best.value = s.value;
            best.x = s.x;
            continue;
        }
        std::vector<rational> unit(j + 1, rational(0));
        unit[j] = 1;
        auto up = bounds;
        up.push_back({unit, relation::greater_equal, rational(ceil_int(s.x[j]))});
        auto down = std::move(bounds);
        down.push_back({std::move(unit), relation::less_equal, rational(floor_int(s.x[j]))});
        stack.push_back(std::move(up)); // explored after `down`
        stack.push_back(std::move(down));
    }
    return best;
}

bool feasible(const problem& p, const std::vector<rational>& x) {
    if (x.size() != p.variables) return false;
    for (const auto& v : x)
        if (sign(v) < 0) return false;
    for (const auto& c : p.constraints) {
        rational lhs = 0;
        for (std::size_t j = 0; j < c.coefficients.size() && j < x.size(); ++j)
            if (sign(c.coefficients[j]) != 0) lhs += c.coefficients[j] * x[j];
        const bool ok = c.rel == relation::less_equal      ? lhs <= c.rhs
                        : c.rel == relation::greater_equal ? lhs >= c.rhs
                                                           : lhs == c.rhs;
        if (!ok) return false;
    }
    return true;
}

} // namespace lp
} // namespace v0
} // namespace accord
