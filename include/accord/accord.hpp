// accord/accord.hpp: the umbrella header of the C++ API.
#pragma once

#include "accord/error.hpp"
#include "accord/io/read.hpp"
#include "accord/number.hpp"
#include "accord/organisation.hpp"
#include "accord/power.hpp"
#include "accord/profile.hpp"
#include "accord/registry.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"
#include "accord/weighting.hpp"

#include "accord/rules/cardinal.hpp"
#include "accord/rules/condorcet.hpp"
#include "accord/rules/elimination.hpp"
#include "accord/rules/irv.hpp"
#include "accord/rules/kemeny.hpp"
#include "accord/rules/pairwise.hpp"
#include "accord/rules/positional.hpp"

#include "accord/analysis/ahp.hpp"
#include "accord/analysis/compare.hpp"
#include "accord/analysis/generate.hpp"
#include "accord/analysis/mcda.hpp"
#include "accord/analysis/monte_carlo.hpp"
#include "accord/analysis/report.hpp"
#include "accord/analysis/sweep.hpp"
