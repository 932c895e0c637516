package castle.accounts.pipeline;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a jqwik container while the real matching app is not on the classpath. */
public final class RequiresMatching implements SkipExecutionHook {

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return RealMatching.available() ? SkipResult.doNotSkip() : SkipResult.skip(RealMatching.ABSENT);
  }
}
