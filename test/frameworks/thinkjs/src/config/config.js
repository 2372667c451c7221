// ThinkJS's own settings: loopback only, one worker (think-cluster's master forwards nothing; its worker listens).
module.exports = {
  host: '127.0.0.1',
  workers: 1,
};
