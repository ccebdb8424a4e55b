package io.jxengine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "apply", mixinStandardHelpOptions = true, description = "Applies an environment repository checkout to its cluster.")
final class EnvApplyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UserException("not yet");
  }
}
