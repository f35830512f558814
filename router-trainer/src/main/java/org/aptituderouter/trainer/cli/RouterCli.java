package org.aptituderouter.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Offline commands of {@code bin/router}: the first argument names the subcommand. */
@Command(
        name = "router",
        mixinStandardHelpOptions = true,
        description = "Aptitude Router offline tools: capability vectors, batch routing, head training, evaluation.",
        subcommands = {
            CapabilitiesCommand.class,
            RouteCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            DistillCommand.class
        })
public final class RouterCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process with their own streams. */
    public static CommandLine commandLine() {
        // charts render off-screen; there is no display on build machines
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new RouterCli()).setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            // input problems are the user's to fix: a one-line message, not a stack trace
            commandLine.getErr().println(commandLine.getCommandName() + ": " + exception.getMessage());
            return 2;
        });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: capabilities, route, train or evaluate");
    }
}
