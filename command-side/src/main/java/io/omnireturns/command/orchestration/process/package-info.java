/** Plain Java, checked by the build: see {@link io.omnireturns.platform.architecture.PlainJava}. */
@PlainJava
package io.omnireturns.command.orchestration.process;

import io.omnireturns.platform.architecture.PlainJava;
