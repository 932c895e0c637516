package castle.topology;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Castle's Streams apps run: the cluster, local state, and the durability the deployment needs.
 *
 * @param kafkaClientProperties bootstrap servers and security settings shared by every client
 * @param stateDir parent folder of the apps' state stores
 * @param replicationFactor replicas of the apps' internal (changelog, repartition) topics
 * @param minInsyncReplicas min.insync.replicas of those topics
 * @param standbyReplicas warm copies of each task's state on other instances
 * @param applicationServer host:port this instance answers interactive queries on, or null
 * @param tuning the latency-versus-CPU settings
 */
public record StreamsEnvironment(
    Map<String, Object> kafkaClientProperties,
    Path stateDir,
    short replicationFactor,
    int minInsyncReplicas,
    int standbyReplicas,
    String applicationServer,
    StreamsTuning tuning) {

  /** One instance on a one-node cluster: no replicas to wait for, no standbys to keep warm. */
  public static StreamsEnvironment local(Map<String, Object> kafkaClientProperties, Path stateDir, String applicationServer) {
    return new StreamsEnvironment(
        kafkaClientProperties, stateDir, (short) 1, 1, 0, applicationServer, StreamsTuning.DEFAULT);
  }

  /** A production cluster such as MSK: three replicas, two in sync, one standby per task. */
  public static StreamsEnvironment cluster(Map<String, Object> kafkaClientProperties, Path stateDir, String applicationServer) {
    return new StreamsEnvironment(
        kafkaClientProperties, stateDir, (short) 3, 2, 1, applicationServer, StreamsTuning.DEFAULT);
  }

  /** The same environment with other tuning. */
  public StreamsEnvironment withTuning(StreamsTuning newTuning) {
    return new StreamsEnvironment(kafkaClientProperties, stateDir, replicationFactor, minInsyncReplicas,
        standbyReplicas, applicationServer, newTuning);
  }
}
