/** Plain Java, checked by the build: see {@link io.omnireturns.platform.architecture.PlainJava}. */
@PlainJava
package io.omnireturns.command.policy.refund;

import io.omnireturns.platform.architecture.PlainJava;
