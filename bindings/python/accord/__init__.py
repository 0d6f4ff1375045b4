"""accord: exact priority-setting and consensus voting.

>>> import accord
>>> p = accord.Profile(["Same-day access", "Frailty", "Digital"])
>>> p.add(["Frailty", "Same-day access"], count=3)
>>> p.add(["Same-day access"], count=2)
>>> accord.run(p, "irv").winners
['Frailty']

Python bindings over the C API (libaccord) with ctypes: no compiler is needed at import.
"""
from . import plots
from .ahp import Ahp, AhpParticipant, Consistency, ahp
from .analysis import Smaa, Sweep, SweepRow, Tipping, TippingBracket, TippingPoint, smaa, sweep, tipping
from .core import Organisation, Profile, Result, Round, Tie, Transfer, methods, power, run, version
from .generate import ElectorateRule, Electorates, electorates, generate
from .mcda import Mcda, McdaSmaa, mcda, mcda_smaa
from .errors import (AccordError, AccordIOError, AccordOverflowError, Cancelled, InvalidArgument, NotFound,
                     ParseError, UnresolvedTie, Unsupported)

__version__ = "0.4.0"

__all__ = [
    "Organisation", "Profile", "Result", "Round", "Tie", "Transfer", "run", "methods", "power", "version",
    "smaa", "sweep", "tipping", "Smaa", "Sweep", "SweepRow", "Tipping", "TippingBracket", "TippingPoint",
    "AccordError", "InvalidArgument", "NotFound", "ParseError", "AccordIOError", "AccordOverflowError",
    "UnresolvedTie", "Cancelled", "Unsupported", "__version__",
    "ahp", "Ahp", "AhpParticipant", "Consistency", "mcda", "mcda_smaa", "Mcda", "McdaSmaa",
    "generate", "electorates", "Electorates", "ElectorateRule", "plots",
]
