// Autobahn|JS sessions for the load processes, through the interop suite's connect().
'use strict'

const path = require('path')
const { INTEROP } = require('./load')
const common = require(path.join(INTEROP, 'autobahn-js', 'common.js'))

function connect (options) {
  return common.connect({ url: options.url, realm: options.realm, serializer: options.serializer, authmethod: 'anonymous', timeout: 10000 })
    .then(({ session }) => session)
}

module.exports = { autobahn: common.autobahn, connect }
