// C shim over libedit (filled in by the shell work).
#include "CEditLine.h"
