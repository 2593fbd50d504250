#include "CRoundoffContext.h"

_Thread_local roundoff_context roundoff_context_storage;
