package io.jxengine.jenkins.api;

import io.jxengine.jenkins.api.JobConfig.GitSource;
import io.jxengine.jenkins.api.JobConfig.Kind;
import io.jxengine.jenkins.api.JobConfig.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a {@link JobConfig} out of a job's {@code config.xml} (parsed by {@link SecureXml}).
 * Elements it does not understand are not errors: the file is kept verbatim and each such element
 * becomes a warning. An unknown job type (root element) is a 400. Stateless and thread-safe.
 */
final class JobConfigParser {
  /** The size cap of a config.xml: bigger bodies are refused with 413 before parsing. */
  static final int MAX_BYTES = 1024 * 1024;

  private static final Set<String> COMMON =
      Set.of("actions", "description", "displayName", "keepDependencies", "properties",
          "disabled", "quietPeriod", "logRotator");
  private static final Set<String> FREESTYLE_OK =
      Set.of("blockBuildWhenDownstreamBuilding", "blockBuildWhenUpstreamBuilding",
          "concurrentBuild", "canRoam", "scm", "builders", "assignedNode", "jdk",
          "customWorkspace");
  /** Sections that do something in Jenkins: listed as unused when they hold anything. */
  private static final Set<String> UNUSED_WHEN_SET = Set.of("publishers", "buildWrappers", "triggers");
  private static final Set<String> FOLDER_OK =
      Set.of("icon", "views", "viewsTabBar", "primaryView", "healthMetrics", "folderViews",
          "blockBuildWhenDownstreamBuilding", "blockBuildWhenUpstreamBuilding",
          "concurrentBuild", "canRoam", "scm", "publishers", "buildWrappers", "triggers",
          "orphanedItemStrategy");
  private static final Set<String> HARMLESS_PROPERTIES =
      Set.of("org.jenkinsci.plugins.workflow.job.properties.DisableConcurrentBuildsJobProperty",
          "jenkins.model.BuildDiscarderProperty");
  private static final Map<String, String> PARAMETER_TYPES = Map.of(
      "hudson.model.StringParameterDefinition", "string",
      "hudson.model.BooleanParameterDefinition", "boolean",
      "hudson.model.ChoiceParameterDefinition", "choice",
      "hudson.model.TextParameterDefinition", "text",
      "hudson.model.PasswordParameterDefinition", "password");

  private JobConfigParser() {}

  static JobConfig parse(byte[] xml) {
    Document doc = SecureXml.parse(xml);
    Element root = doc.getDocumentElement();
    Kind kind = Kind.ofRoot(root.getTagName());
    if (kind == null) {
      throw JenkinsApiException.badRequest("job type <" + root.getTagName() + "> is not supported;"
          + " the engine serves freestyle (<project>), pipeline (<flow-definition>) and folder"
          + " (<com.cloudbees.hudson.plugins.folder.Folder>) jobs");
    }
    List<String> warnings = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    List<String> shells = new ArrayList<>();
    String script = null;
    String scriptPath = null;
    GitSource git = null;
    for (Element e : children(root)) {
      String tag = e.getTagName();
      switch (tag) {
        case "properties" -> properties(e, parameters, warnings);
        case "builders" -> builders(e, shells, warnings);
        case "scm" -> {
          if (kind == Kind.FREESTYLE) {
            git = scm(e, warnings);
          }
        }
        case "definition" -> {
          if (kind != Kind.PIPELINE) {
            warnings.add(unused(tag));
            continue;
          }
          String cls = e.getAttribute("class");
          if (cls.endsWith(".CpsFlowDefinition")) {
            script = text(e, "script");
          } else if (cls.endsWith(".CpsScmFlowDefinition")) {
            Element scm = child(e, "scm");
            git = scm == null ? null : scm(scm, warnings);
            scriptPath = text(e, "scriptPath");
            if (scriptPath == null || scriptPath.isBlank()) {
              scriptPath = "Jenkinsfile";
            }
          } else {
            warnings.add("pipeline definition " + cls + " is not supported: builds cannot run");
          }
        }
        default -> {
          if (UNUSED_WHEN_SET.contains(tag)) {
            if (kind != Kind.FOLDER && !children(e).isEmpty()) {
              children(e).forEach(c -> warnings.add(unused(tag + "/" + c.getTagName())));
            }
          } else if (!COMMON.contains(tag)
              && !(kind == Kind.FREESTYLE && FREESTYLE_OK.contains(tag))
              && !(kind == Kind.FOLDER && FOLDER_OK.contains(tag))) {
            warnings.add(unused(tag));
          }
        }
      }
    }
    return new JobConfig(kind, text(root, "description"), "true".equals(text(root, "disabled")),
        parameters, shells, script, git, scriptPath, warnings);
  }

  private static String unused(String element) {
    return "<" + element + "> is kept but the engine does not use it";
  }

  private static void properties(Element props, List<Parameter> out, List<String> warnings) {
    for (Element p : children(props)) {
      String tag = p.getTagName();
      if (tag.equals("hudson.model.ParametersDefinitionProperty")) {
        Element defs = child(p, "parameterDefinitions");
        for (Element d : defs == null ? List.<Element>of() : children(defs)) {
          parameter(d, out, warnings);
        }
      } else if (!HARMLESS_PROPERTIES.contains(tag)) {
        warnings.add(unused("properties/" + tag));
      }
    }
  }

  private static void parameter(Element d, List<Parameter> out, List<String> warnings) {
    String type = PARAMETER_TYPES.get(d.getTagName());
    String name = text(d, "name");
    if (type == null || name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      warnings.add("parameter " + d.getTagName() + " '" + name + "' is not passed to builds"
          + (type == null ? " (unsupported type)" : " (not an environment variable name)"));
      return;
    }
    List<String> choices = new ArrayList<>();
    Element c = child(d, "choices");
    if (c != null) {
      collectStrings(c, choices);
    }
    String def = type.equals("choice")
        ? (choices.isEmpty() ? "" : choices.get(0))
        : text(d, "defaultValue");
    out.add(new Parameter(name, type, def == null ? "" : def, choices));
  }

  private static void collectStrings(Element e, List<String> out) {
    for (Element c : children(e)) {
      if (c.getTagName().equals("string")) {
        out.add(c.getTextContent());
      } else {
        collectStrings(c, out);
      }
    }
  }

  private static void builders(Element builders, List<String> shells, List<String> warnings) {
    for (Element b : children(builders)) {
      if (b.getTagName().equals("hudson.tasks.Shell")) {
        String command = text(b, "command");
        shells.add(command == null ? "" : command);
      } else {
        warnings.add("builder <" + b.getTagName() + "> is kept but not run: only"
            + " hudson.tasks.Shell builders become steps");
      }
    }
  }

  private static GitSource scm(Element scm, List<String> warnings) {
    String cls = scm.getAttribute("class");
    if (cls.isEmpty() || cls.equals("hudson.scm.NullSCM")) {
      return null;
    }
    if (!cls.equals("hudson.plugins.git.GitSCM")) {
      warnings.add("scm " + cls + " is not supported: builds start from an empty workspace");
      return null;
    }
    String url = first(scm, "userRemoteConfigs", "hudson.plugins.git.UserRemoteConfig", "url");
    String branch = first(scm, "branches", "hudson.plugins.git.BranchSpec", "name");
    if (url == null || url.isBlank()) {
      warnings.add("the git scm has no url: builds start from an empty workspace");
      return null;
    }
    return new GitSource(url.strip(), branchName(branch));
  }

  /** A branch spec with its {@code refs/heads/}, wildcard-remote or {@code origin/} prefix removed. */
  static String branchName(String spec) {
    if (spec == null || spec.isBlank() || spec.strip().equals("**")) {
      return "main";
    }
    String b = spec.strip();
    for (String prefix : List.of("refs/heads/", "*/", "origin/")) {
      if (b.startsWith(prefix)) {
        b = b.substring(prefix.length());
      }
    }
    return b;
  }

  private static String first(Element e, String... path) {
    Element at = e;
    for (String p : path) {
      at = child(at, p);
      if (at == null) {
        return null;
      }
    }
    return at.getTextContent();
  }

  static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        out.add(el);
      }
    }
    return out;
  }

  static Element child(Element e, String tag) {
    for (Element c : children(e)) {
      if (c.getTagName().equals(tag)) {
        return c;
      }
    }
    return null;
  }

  private static String text(Element e, String tag) {
    Element c = child(e, tag);
    return c == null ? null : c.getTextContent();
  }
}
