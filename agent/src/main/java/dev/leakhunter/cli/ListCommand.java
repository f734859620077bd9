package dev.leakhunter.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code list}: the JVMs of this user that accept an attach. Nothing is loaded into them: the
 * attach API reads their performance-data files, the JDK version comes from the {@code release}
 * file of the JDK each one runs on.
 */
final class ListCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar leakhunter.jar list",
      "",
      "Lists the JVMs on this machine that this user can attach to: PID, JDK version, and the main",
      "class or jar. JVMs started with -XX:+DisableAttachMechanism or -XX:-UsePerfData, and other",
      "users' JVMs, are not listed. Nothing is loaded into the JVMs listed.",
      "",
      "Exit: 0.");

  private final PrintStream out;

  ListCommand(PrintStream out) {
    this.out = out;
  }

  int run(String[] args) throws Cli.UsageException {
    if (args.length != 0) {
      throw new Cli.UsageException("takes no arguments: list");
    }
    long self = ProcessHandle.current().pid();
    String me = System.getProperty("user.name");
    List<String[]> rows = new ArrayList<>();
    List<VirtualMachineDescriptor> vms = new ArrayList<>(VirtualMachine.list());
    vms.sort(Comparator.comparingLong(ListCommand::pid));
    for (VirtualMachineDescriptor vm : vms) {
      long pid = pid(vm);
      if (pid == self || pid < 0) {
        continue;
      }
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (!handle.flatMap(h -> h.info().user()).map(me::equals).orElse(true)) {
        continue; // another user's JVM: attach would be refused (see JvmProcess.find)
      }
      String jdk = handle.flatMap(h -> h.info().command()).map(JvmProcess::releaseVersion).orElse("?");
      rows.add(new String[] {Long.toString(pid), jdk, mainOf(vm.displayName())});
    }
    if (rows.isEmpty()) {
      out.println("no attachable JVM of user " + System.getProperty("user.name") + " on this machine");
      return Cli.OK;
    }
    out.println(String.format("%-8s %-10s %s", "PID", "JDK", "MAIN CLASS OR JAR"));
    for (String[] r : rows) {
      out.println(String.format("%-8s %-10s %s", r[0], r[1], r[2]));
    }
    return Cli.OK;
  }

  private static long pid(VirtualMachineDescriptor vm) {
    try {
      return Long.parseLong(vm.id());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The first word of the JVM's command ({@code sun.java.command}): its main class or jar. */
  static String mainOf(String displayName) {
    String s = displayName == null ? "" : displayName.trim();
    int space = s.indexOf(' ');
    String main = space < 0 ? s : s.substring(0, space);
    return main.isEmpty() ? "?" : main;
  }
}
