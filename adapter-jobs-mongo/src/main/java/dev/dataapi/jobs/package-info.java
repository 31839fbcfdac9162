/**
 * The MongoDB job store: {@link dev.dataapi.jobs.MongoJobStore} keeps async jobs and their results
 * in one database that every instance of the service shares, and is the work queue those
 * instances take jobs from.
 *
 * <p>Collection {@code jobs} holds one document per job ({@code _id} = the job id as an ObjectId),
 * with the query to run, its state, attempts, the current claim's token and lease, and, once
 * finished, the error or the result's summary; a job with a callback URL also has a {@code callback}
 * sub-document with its webhook delivery's state and, while a sender attempts it, that sender's
 * claim token and lease. Collection {@code job_results} holds the rows of
 * results in chunk documents of about 4 MB, keyed by job, claim token and sequence number, so a
 * result of any width stays below MongoDB's 16 MB document limit and a fenced-off worker's rows
 * never mix with the winner's. Both expire through TTL indexes on {@code expires_at}; reads treat
 * an expired job as absent before the TTL monitor gets to it. Values keep their Java types through
 * storage (exact decimals, dates and times as tagged sub-documents). Driver and server failures
 * surface as {@link dev.dataapi.jobs.JobStoreException}. Everything else in the package is
 * internal.
 */
package dev.dataapi.jobs;
