// C shim over libedit: non-variadic wrappers Swift can call.
#include <stdio.h>
