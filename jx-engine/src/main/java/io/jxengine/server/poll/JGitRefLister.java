package io.jxengine.server.poll;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/** {@link RefLister} with JGit's ls-remote; no credentials (public or local repositories). */
public final class JGitRefLister implements RefLister {
  private static final int TIMEOUT_SECONDS = 30;

  @Override
  public Map<String, String> list(String cloneUrl) throws IOException {
    try {
      Map<String, Ref> refs =
          Git.lsRemoteRepository()
              .setRemote(cloneUrl)
              .setHeads(true)
              .setTags(true)
              .setTimeout(TIMEOUT_SECONDS)
              .callAsMap();
      Map<String, String> out = new TreeMap<>();
      for (Ref ref : refs.values()) {
        ObjectId peeled = ref.getPeeledObjectId();
        ObjectId id = peeled != null ? peeled : ref.getObjectId();
        if (id != null && !ref.getName().endsWith("^{}")) {
          out.put(ref.getName(), id.name());
        }
      }
      return out;
    } catch (GitAPIException | RuntimeException e) {
      throw new IOException("cannot list the refs of " + cloneUrl + ": " + e.getMessage(), e);
    }
  }
}
