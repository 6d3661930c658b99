package org.zerocarbon.report.internal;
