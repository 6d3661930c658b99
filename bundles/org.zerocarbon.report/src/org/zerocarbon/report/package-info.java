package org.zerocarbon.report;
