/* vv-core.h: everything the UI and the CLI need from the core
 * SPDX-FileCopyrightText: 2026 Vis-à-vis contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vv-block.h"
#include "vv-boilerplate.h"
#include "vv-core-enums.h"
#include "vv-core-types.h"
#include "vv-diff.h"
#include "vv-document.h"
#include "vv-exporter.h"
#include "vv-fetch.h"
#include "vv-filter.h"
#include "vv-importer.h"
#include "vv-journal.h"
#include "vv-mt-cache.h"
#include "vv-mt-document.h"
#include "vv-mt-provider.h"
#include "vv-mt-providers.h"
#include "vv-mt-queue.h"
#include "vv-project.h"
#include "vv-qa.h"
#include "vv-review.h"
#include "vv-spell.h"
#include "vv-roundtrip.h"
#include "vv-segment.h"
#include "vv-segmenter.h"
#include "vv-stats.h"
#include "vv-utils.h"
