// accord/accord.hpp: the umbrella header of the C++ API.
#pragma once

#include "accord/error.hpp"
#include "accord/io/read.hpp"
#include "accord/number.hpp"
#include "accord/power.hpp"
#include "accord/profile.hpp"
#include "accord/registry.hpp"
#include "accord/result.hpp"
#include "accord/rules/irv.hpp"
#include "accord/tie_break.hpp"
