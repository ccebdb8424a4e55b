package io.jxengine.jenkins.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Jobs kept as files the way Jenkins keeps them: {@code <root>/<folder>/jobs/<name>/config.xml}
 * ({@code root} is {@code $JXE_HOME/jenkins/jobs}). The config.xml is stored exactly as sent (so
 * what the engine does not understand is returned on read); it is parsed before it is stored, so
 * a file that does not parse is never written. Paths come only from {@link JobPath}, whose
 * segments cannot leave their folder.
 *
 * <p>Thread-safe: changes are serialised on the store and each file is replaced by an atomic
 * move, so a reader sees the old or the new file, never half of one. Errors the client caused are
 * {@link JenkinsApiException}s (400, 404); disk failures are {@link UncheckedIOException}s.
 */
public final class JobStore {
  static final String CONFIG = "config.xml";

  private final Path root;
  private final Map<Path, Cached> parsed = new ConcurrentHashMap<>();

  private record Cached(FileTime modified, long size, JobConfig config) {}

  /** A stored job: its path, what the engine reads from it. */
  public record Job(JobPath path, JobConfig config) {}

  public JobStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The directory of a job (not checked for existence). */
  Path dir(JobPath path) {
    Path d = root;
    List<String> s = path.segments();
    for (int i = 0; i < s.size(); i++) {
      d = i == 0 ? d.resolve(s.get(i)) : d.resolve("jobs").resolve(s.get(i));
    }
    return d;
  }

  public boolean exists(JobPath path) {
    return path.isRoot() || Files.isRegularFile(dir(path).resolve(CONFIG));
  }

  /** The job, or empty when there is none. */
  public Optional<Job> find(JobPath path) {
    if (path.isRoot()) {
      return Optional.empty();
    }
    Path file = dir(path).resolve(CONFIG);
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      Cached c = parsed.get(file);
      if (c == null || !c.modified().equals(modified) || c.size() != size) {
        c = new Cached(modified, size, JobConfigParser.parse(Files.readAllBytes(file)));
        parsed.put(file, c);
      }
      return Optional.of(new Job(path, c.config()));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public Job get(JobPath path) {
    return find(path).orElseThrow(() -> JenkinsApiException.notFound("no job " + path));
  }

  /** The stored config.xml, byte for byte. */
  public byte[] read(JobPath path) {
    get(path);
    try {
      return Files.readAllBytes(dir(path).resolve(CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a job; 404 when its folder does not exist, 400 when the name is taken or bad XML. */
  public synchronized JobConfig create(JobPath path, byte[] xml) {
    requireFolder(path.parent());
    if (exists(path)) {
      throw JenkinsApiException.badRequest("A job already exists with the name '" + path + "'");
    }
    JobConfig config = JobConfigParser.parse(xml);
    write(path, xml);
    return config;
  }

  /** Replaces an existing job's config.xml. A folder cannot become a job while it has jobs. */
  public synchronized JobConfig update(JobPath path, byte[] xml) {
    Job old = get(path);
    JobConfig config = JobConfigParser.parse(xml);
    if (old.config().kind() == JobConfig.Kind.FOLDER && config.kind() != JobConfig.Kind.FOLDER
        && !children(path).isEmpty()) {
      throw JenkinsApiException.badRequest("folder " + path + " has jobs; it cannot become a job");
    }
    write(path, xml);
    return config;
  }

  /** Deletes a job (a folder with everything in it). */
  public synchronized void delete(JobPath path) {
    get(path);
    Path d = dir(path);
    parsed.keySet().removeIf(p -> p.startsWith(d));
    io.jxengine.engine.FileTrees.deleteQuietly(d);
    if (Files.exists(d)) {
      throw new UncheckedIOException(new IOException("cannot delete " + d));
    }
  }

  /** Sets {@code <disabled>} in the stored file, keeping the rest of it. */
  public synchronized void setDisabled(JobPath path, boolean disabled) {
    Job job = get(path);
    if (job.config().kind() == JobConfig.Kind.FOLDER) {
      throw JenkinsApiException.badRequest("a folder cannot be enabled or disabled");
    }
    Document doc = SecureXml.parse(read(path));
    Element root = doc.getDocumentElement();
    Element d = JobConfigParser.child(root, "disabled");
    if (d == null) {
      d = doc.createElement("disabled");
      root.appendChild(d);
    }
    d.setTextContent(Boolean.toString(disabled));
    write(path, SecureXml.write(doc));
  }

  /** The jobs directly in a folder (or at the root), sorted by name. */
  public List<JobPath> children(JobPath folder) {
    Path d = folder.isRoot() ? root : dir(folder).resolve("jobs");
    List<JobPath> out = new ArrayList<>();
    if (!Files.isDirectory(d)) {
      return out;
    }
    try (Stream<Path> list = Files.list(d)) {
      for (Path p : list.sorted().toList()) {
        String name = p.getFileName().toString();
        if (JobPath.problem(name) == null && Files.isRegularFile(p.resolve(CONFIG))) {
          out.add(folder.child(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + d, e);
    }
    return out;
  }

  /** 404 unless {@code folder} is the root or a folder job. */
  void requireFolder(JobPath folder) {
    if (folder.isRoot()) {
      return;
    }
    Job f = find(folder).orElseThrow(() -> JenkinsApiException.notFound("no folder " + folder));
    if (f.config().kind() != JobConfig.Kind.FOLDER) {
      throw JenkinsApiException.badRequest(folder + " is not a folder");
    }
  }

  private void write(JobPath path, byte[] xml) {
    Path d = dir(path);
    try {
      Files.createDirectories(d);
      parsed.remove(d.resolve(CONFIG));
      Path tmp = Files.createTempFile(d, ".config", ".tmp");
      Files.write(tmp, xml);
      try {
        Files.move(tmp, d.resolve(CONFIG), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, d.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING);
      }
      parsed.remove(d.resolve(CONFIG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + d.resolve(CONFIG), e);
    }
  }
}
