"""accord: exact priority-setting and consensus voting.

>>> import accord
>>> p = accord.Profile(["Same-day access", "Frailty", "Digital"])
>>> p.add(["Frailty", "Same-day access"], count=3)
>>> p.add(["Same-day access"], count=2)
>>> accord.run(p, "irv").winners
['Frailty']

Python bindings over the C API (libaccord) with ctypes: no compiler is needed at import.

Everything the C API offers has a Python name here:

- ballots: Profile (from_file, from_text, from_ballots, from_dict, from_frame, add, add_approval,
  add_scores, withdraw, save);
- counting: run, methods, Result (winners, ranking, rounds, ties; to_dict, to_json, to_frame,
  rounds_frame);
- organisations and weighting: Organisation (from_file, weights, set_weights, run, decide,
  apportion), WeightReport, Decision, Apportionment;
- power indices: power, PowerIndices;
- analysis: smaa, sweep, tipping (Smaa, Sweep, Tipping with to_frame); by_group (results per
  group: per precinct, practice or PCN, as Groups); electorates (Monte Carlo
  over synthetic electorates) and generate (one seeded electorate as a Profile);
- priorities from judgements and criteria: ahp (Ahp), mcda and mcda_smaa (Mcda, McdaSmaa);
- pictures: accord.plots (rank acceptability, sweep, power shares) when matplotlib is installed;
- beyond one machine: accord.dask (shards read and merged exactly on a Dask cluster, then counted;
  smaa, sweep and electorates split into tasks with the single-process report; docs/scale.md)
  when dask.distributed is installed;
- criteria: check (a rule's result checked against Condorcet, majority, monotonicity,
  participation, clones, JR/PJR/EJR...; CheckReport, Check; docs/check.md);
- errors: AccordError and one subclass per C status code (accord.errors);
- versions: version, version_number, __version__.

pandas is optional and imported only by the ``to_frame`` methods and Profile.from_frame's caller;
matplotlib likewise, only when accord.plots draws.
"""
from . import plots
from .ahp import Ahp, AhpParticipant, Consistency, ahp
from .analysis import (GroupRow, Groups, Smaa, Sweep, SweepRow, Tipping, TippingBracket, TippingPoint,
                       analysis_defaults, by_group, report, smaa, sweep, tipping)
from .library import (apportion_methods, hidden_characters, hidden_names_accepted, memory_budget, methods,
                      methods_info, power_indices, set_hidden_characters, set_memory_budget, version,
                      version_number)
from .organisation import Apportionment, Decision, Organisation, WeightReport, join_nhs
from .power import PowerIndices, power
from .profile import Ballot, Profile
from .result import Result, Round, Tie, Transfer, run
from .checks import Check, CheckReport, check
from .errors import (AccordError, AccordIOError, AccordMemoryError, AccordOverflowError, Cancelled,
                     InvalidArgument, NotFound, OptionError, ParseError, UnresolvedTie, Unsupported)
from .generate import ElectorateRule, Electorates, electorates, generate
from .governance import Finding, Mandate, Verification, check_constitution, mandate, record, verify
from .mcda import Mcda, McdaSmaa, mcda, mcda_smaa

from ._ffi import VERSION as _VERSION

__version__ = ".".join(map(str, _VERSION))  # from accord.h, through the generated _version.py

__all__ = [
    "Organisation", "Profile", "Result", "Round", "Tie", "Transfer", "run", "methods", "methods_info", "power", "version",
    "apportion_methods", "power_indices",
    "version_number", "PowerIndices", "WeightReport", "Decision", "Apportionment",
    "smaa", "sweep", "tipping", "by_group", "Groups", "GroupRow", "analysis_defaults", "report", "Ballot", "Smaa", "Sweep", "SweepRow", "Tipping", "TippingBracket", "TippingPoint",
    "AccordError", "InvalidArgument", "OptionError", "NotFound", "ParseError", "AccordIOError",
    "AccordOverflowError", "AccordMemoryError", "UnresolvedTie", "Cancelled", "Unsupported", "__version__",
    "ahp", "Ahp", "AhpParticipant", "Consistency", "mcda", "mcda_smaa", "Mcda", "McdaSmaa",
    "generate", "electorates", "Electorates", "ElectorateRule", "plots", "set_memory_budget", "memory_budget",
    "set_hidden_characters", "hidden_characters", "hidden_names_accepted",
    "join_nhs",
    "check_constitution", "mandate", "record", "verify", "Finding", "Mandate", "Verification",
    "check", "Check", "CheckReport",
]
