// Internal: an exact linear-programming solver over GMP rationals (docs/architecture.md, "Exact
// linear programming"). Rules whose definition is an LP optimum (maximal lotteries, the
// bipartisan and essential sets) decide with it, so no floating-point tolerance ever decides a
// count.
//
// Two-phase primal simplex on a dense tableau of mpq_rational. Entering column: the largest
// reduced cost (Dantzig), switching to the lowest index (Bland, 1977) after a degenerate pivot
// until a pivot makes progress again; leaving row: the least ratio, ties to the lowest basic
// index. A cycle of the simplex consists of degenerate pivots only, and under Bland's rule a run
// of degenerate pivots cannot cycle, so the method always ends.
#pragma once

#include "accord/number.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {
namespace lp {

enum class relation : std::uint8_t { less_equal, equal, greater_equal };

/// coefficients . x (relation) rhs; coefficients has one entry per variable (missing = 0).
struct constraint {
    std::vector<rational> coefficients;
    relation rel = relation::less_equal;
    rational rhs;
};

/// maximise objective . x subject to the constraints and x >= 0.
struct problem {
    std::size_t variables = 0;
    std::vector<rational> objective; ///< one per variable (missing = 0)
    std::vector<constraint> constraints;
};

enum class status : std::uint8_t { optimal, infeasible, unbounded };

struct solution {
    status state = status::infeasible;
    rational value;               ///< the optimum (when optimal)
    std::vector<rational> x;      ///< an optimal basic solution (when optimal)
    std::size_t pivots = 0;       ///< simplex pivots over both phases
    std::size_t bland_pivots = 0; ///< of which chosen by Bland's rule (after degenerate pivots)
};

/// Solves p exactly. Throws errc::invalid when a row has more coefficients than variables.
solution maximise(const problem& p);

/// Solves p exactly over integer x (every variable integral): depth-first branch and bound on
/// the exact relaxations, branching on the lowest-index fractional variable (x_j <= floor first,
/// then x_j >= ceil), a node pruned when its relaxation cannot beat the best integral solution
/// (rounded down first when every objective coefficient is an integer). `pivots` counts over all
/// nodes; `nodes` the relaxations solved. More than `max_nodes` relaxations is errc::unsupported
/// naming the limit, so a hard instance is refused rather than left running.
struct integer_solution : solution {
    std::size_t nodes = 0;
};
integer_solution maximise_integer(const problem& p, std::size_t max_nodes = 200000);

/// Whether x >= 0 satisfies every constraint of p exactly (an independent check of a solution).
bool feasible(const problem& p, const std::vector<rational>& x);

} // namespace lp
} // namespace v0
} // namespace accord
