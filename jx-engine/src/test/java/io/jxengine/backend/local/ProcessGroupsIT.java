package io.jxengine.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding the processes a step left in its group among the pids handed out while it ran. */
class ProcessGroupsIT {
  @Test
  void findsTheMembersStartedInARangeByProbeAndByScan() throws Exception {
    long before = ProcessGroups.lastPid();
    Process leader = new ProcessBuilder(ProcessGroups.SETSID, "/bin/sh", "-c",
        "sleep 30 & sleep 30 & echo ready; wait").redirectErrorStream(true).start();
    try {
      assertThat(new String(leader.getInputStream().readNBytes(6))).isEqualTo("ready\n");
      long upTo = ProcessGroups.lastPid();
      long pgid = leader.pid();

      List<Long> probed = ProcessGroups.startedMembers(pgid, before, upTo);
      List<Long> scanned = ProcessGroups.startedMembers(pgid, Math.max(0, before - 5000), upTo);
      List<Long> all = ProcessGroups.startedMembers(pgid, -1, upTo);

      List<Long> sleepers = leader.descendants().map(ProcessHandle::pid).toList();
      assertThat(sleepers).hasSize(2);
      assertThat(scanned).containsExactlyInAnyOrderElementsOf(sleepers).doesNotContain(pgid);
      assertThat(all).containsExactlyInAnyOrderElementsOf(sleepers);
      // probed pid by pid on a quiet host (a short range), scanned on a busy one: same answer
      assertThat(probed).containsExactlyInAnyOrderElementsOf(sleepers);
      assertThat(ProcessGroups.startedMembers(pgid, upTo, upTo)).isEmpty();
    } finally {
      ProcessGroups.signal(leader.pid(), "KILL");
      leader.waitFor();
    }
  }
}
